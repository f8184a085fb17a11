import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { verifactuRecords } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  loginStaff,
  putOrganisationProfile,
  type TestOrg,
} from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { validateAgainstAeat } from "../verifactu-xml/test-support.js";
import { aeatDate } from "./huella.js";
import type { VerifactuRecord } from "./verifactu-records.js";

/*
 * Issue 17: the stored records, wired to the rectifying invoices (R1–R5, by difference or substitution)
 * and downloaded as AEAT's XML, which validates against AEAT's schemas and chains as the records do.
 */

const { ctx, org, otherOrg } = setUpTestApp("Verifactu XML", "Elsewhere XML");
const NIF = "B12345674";
let plain: Customer;
let company: Customer;
let abroad: Customer;
let vat21: string;
let vat10: string;

const api = (method: "GET" | "PUT" | "POST", url: string, payload?: object, o: TestOrg = org) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, ...(payload ? { payload } : {}) });
const records = (o: TestOrg = org) =>
  withOrg(ctx.database.db, o.orgId, (tx) =>
    tx.select().from(verifactuRecords).orderBy(verifactuRecords.sequence),
  );
const recordOf = async (invoiceId: string, kind: "alta" | "anulacion" = "alta") => {
  const found = (await records()).find((r) => r.invoiceId === invoiceId && r.kind === kind);
  if (!found) throw new Error(`no ${kind} for ${invoiceId}`);
  return found;
};
/** The text of every `<sum1:NAME>` element, in document order. */
const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<sum1:${name}>([^<]*)</sum1:${name}>`, "g"))].map((m) => m[1]);

let invoiceF1: InvoiceDetail;
let invoiceF2: InvoiceDetail;
let invoiceAbroad: InvoiceDetail;
let byDifference: InvoiceDetail;
let bySubstitution: InvoiceDetail;
let voided: InvoiceDetail;

beforeAll(async () => {
  clock.setClock("2031-03-10T10:00:00.000Z");
  org.cookie = await loginStaff(ctx, org.email, org.password);
  otherOrg.cookie = await loginStaff(ctx, otherOrg.email, otherOrg.password);
  await putOrganisationProfile(ctx, org, { taxId: NIF, country: "ES", legalName: "Wired & Co <SL>" });
  const on = await api("PUT", "/api/verifactu/settings", { enabled: true });
  expect(on.statusCode, on.body).toBe(200);
  plain = await buildCustomer(ctx, org, "Private person");
  company = await buildCustomer(ctx, org, "Company SL", undefined, { taxId: "A58818501" });
  abroad = await buildCustomer(ctx, org, "Customer Abroad GmbH", undefined, {
    taxId: "DE 123456789",
    country: "DE",
  });
  const tax = async (name: string, rateBp: number) =>
    (await api("POST", "/api/taxes", { name, rateBp })).json().id as string;
  vat21 = await tax("IVA 21 %", 2100);
  vat10 = await tax("IVA 10 %", 1000);

  const lines = [
    { description: "Design", quantityMilli: 2000, unitPriceMinor: 10000, taxIds: [vat21] },
    { description: "Catering", quantityMilli: 1000, unitPriceMinor: 5000, taxIds: [vat10] },
  ];
  invoiceF1 = await buildInvoice(ctx, org, company.id, { issue: true, lines });
  invoiceF2 = await buildInvoice(ctx, org, plain.id, { issue: true });
  invoiceAbroad = await buildInvoice(ctx, org, abroad.id, { issue: true });
  const second = await buildInvoice(ctx, org, company.id, { issue: true, lines });
  byDifference = await buildInvoice(ctx, org, company.id, {
    issue: true,
    kind: "credit_note",
    rectification: {
      type: "R4",
      method: "difference",
      reason: "Descuento por volumen",
      invoiceIds: [invoiceF1.id, second.id],
    },
    lines: [{ description: "Discount", quantityMilli: 1000, unitPriceMinor: 1000, taxIds: [vat21] }],
  });
  const replaced = await buildInvoice(ctx, org, company.id, { issue: true, lines });
  bySubstitution = await buildInvoice(ctx, org, company.id, {
    issue: true,
    kind: "credit_note",
    rectification: {
      type: "R1",
      method: "substitution",
      reason: "Precio erróneo",
      invoiceIds: [replaced.id],
    },
    // The corrected invoice in full: design at 80.00 instead of 100.00, catering unchanged.
    lines: [
      { description: "Design", quantityMilli: 2000, unitPriceMinor: 8000, taxIds: [vat21] },
      { description: "Catering", quantityMilli: 1000, unitPriceMinor: 5000, taxIds: [vat10] },
    ],
  });
  voided = await buildInvoice(ctx, org, plain.id, { issue: true });
  clock.advanceClock(1000);
  const res = await api("POST", `/api/invoices/${voided.id}/void`, {});
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => clock.resetClock());

async function xmlOf(record: VerifactuRecord): Promise<string> {
  const res = await api("GET", `/api/verifactu/records/${record.id}/xml`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/xml/);
  expect(res.headers["content-disposition"]).toMatch(
    /^attachment; filename="verifactu-\d{6}-(alta|anulacion)-/,
  );
  return res.body;
}

describe("records of rectifying invoices (decision 049, wiring)", () => {
  test("invoice types: F1 with the customer's tax id, F2 without, the credit notes' own R types", async () => {
    expect((await recordOf(invoiceF1.id)).tipoFactura).toBe("F1");
    expect((await recordOf(invoiceF2.id)).tipoFactura).toBe("F2");
    expect((await recordOf(byDifference.id)).tipoFactura).toBe("R4");
    expect((await recordOf(bySubstitution.id)).tipoFactura).toBe("R1");
  });

  test("by difference: the credit note's negative amounts and the invoices it rectifies", async () => {
    const alta = await recordOf(byDifference.id);
    expect(alta).toMatchObject({ cuotaTotal: "-2.10", importeTotal: "-12.10" });
    expect(alta.rectificacion).toEqual({
      tipoRectificativa: "I",
      facturasRectificadas: byDifference.rectification?.rectified.map((r) => ({
        numSerieFactura: r.number,
        fechaExpedicionFactura: r.issueDate,
      })),
      baseRectificada: null,
      cuotaRectificada: null,
    });
    expect(alta.rectificacion?.facturasRectificadas.map((f) => f.numSerieFactura)).toEqual([
      invoiceF1.number,
      expect.any(String),
    ]);
  });

  test("by substitution: the corrected amounts in full, the rectified base and tax beside them", async () => {
    const alta = await recordOf(bySubstitution.id);
    // Corrected: 160.00 at 21 % (33.60) and 50.00 at 10 % (5.00). Rectified: 250.00, tax 47.00.
    expect(alta).toMatchObject({ cuotaTotal: "38.60", importeTotal: "248.60" });
    expect(alta.desglose).toEqual([
      { impuesto: "01", tipoImpositivo: "10.00", baseImponible: "50.00", cuotaRepercutida: "5.00" },
      { impuesto: "01", tipoImpositivo: "21.00", baseImponible: "160.00", cuotaRepercutida: "33.60" },
    ]);
    expect(alta.rectificacion).toMatchObject({
      tipoRectificativa: "S",
      baseRectificada: "250.00",
      cuotaRectificada: "47.00",
    });
    // The credit it gives is the rectified invoice minus the corrected one (decision 051).
    expect(bySubstitution.totalMinor).toBe(29700 - 24860);
    expect(bySubstitution.rectification).toMatchObject({
      correctedBaseMinor: 21000,
      correctedTaxMinor: 3860,
    });
  });

  test("the QR of every document states its record's ImporteTotal, by substitution the corrected one", async () => {
    for (const doc of [invoiceF1, invoiceF2, byDifference, bySubstitution]) {
      const detail = (await api("GET", `/api/invoices/${doc.id}`)).json() as InvoiceDetail;
      const importe = new URL(detail.verifactuQrUrl ?? "https://x.invalid").searchParams.get("importe");
      expect(importe, doc.number ?? "").toBe((await recordOf(doc.id)).importeTotal);
    }
  });
});

describe("GET /api/verifactu/records/{id}/xml", () => {
  test("every record's XML validates against AEAT's schemas and chains as the stored records", async () => {
    const all = await records();
    expect(all.map((r) => r.kind)).toEqual([...Array(8).fill("alta"), "anulacion"]);
    for (const [i, record] of all.entries()) {
      const xml = await xmlOf(record);
      const result = await validateAgainstAeat(xml);
      expect(
        result.errors.map((e) => e.rawMessage),
        `record ${record.sequence}`,
      ).toEqual([]);
      expect(result.valid).toBe(true);
      expect(texts(xml, "Huella").at(-1)).toBe(record.huella);
      expect(xml).toContain(`<sum1:FechaHoraHusoGenRegistro>${record.fechaHoraHusoGenRegistro}<`);
      const previous = all[i - 1];
      if (!previous) {
        expect(xml).toContain("<sum1:PrimerRegistro>S</sum1:PrimerRegistro>");
        expect(xml).not.toContain("RegistroAnterior");
        continue;
      }
      expect(xml).not.toContain("PrimerRegistro");
      const anterior = xml.slice(
        xml.indexOf("<sum1:RegistroAnterior>"),
        xml.indexOf("</sum1:RegistroAnterior>"),
      );
      expect(texts(anterior, "IDEmisorFactura")).toEqual([previous.idEmisorFactura]);
      expect(texts(anterior, "NumSerieFactura")).toEqual([previous.numSerieFactura]);
      expect(texts(anterior, "FechaExpedicionFactura")).toEqual([aeatDate(previous.fechaExpedicionFactura)]);
      expect(texts(anterior, "Huella")).toEqual([previous.huella]);
      expect(record.huellaAnterior).toBe(previous.huella);
    }
  });

  test("an F1 names its customer by NIF, an F2 names none, one abroad by IDOtro", async () => {
    const f1 = await xmlOf(await recordOf(invoiceF1.id));
    expect(f1).toContain("<sum1:TipoFactura>F1</sum1:TipoFactura>");
    expect(f1).toContain("<sum1:NombreRazonEmisor>Wired &amp; Co &lt;SL&gt;</sum1:NombreRazonEmisor>");
    expect(texts(f1, "NIF")).toContain("A58818501");
    expect(f1).toContain("<sum1:DescripcionOperacion>Design; Catering</sum1:DescripcionOperacion>");
    const f2 = await xmlOf(await recordOf(invoiceF2.id));
    expect(f2).toContain("<sum1:TipoFactura>F2</sum1:TipoFactura>");
    expect(f2).not.toContain("Destinatarios");
    const other = await xmlOf(await recordOf(invoiceAbroad.id));
    expect(other).toMatch(
      /<sum1:IDOtro>\s*<sum1:CodigoPais>DE<\/sum1:CodigoPais>\s*<sum1:IDType>02<\/sum1:IDType>\s*<sum1:ID>DE123456789<\/sum1:ID>/,
    );
  });

  test("the rectifying records carry the credit note's R type, method and rectified invoices", async () => {
    const diff = await xmlOf(await recordOf(byDifference.id));
    expect(texts(diff, "TipoFactura")).toEqual(["R4"]);
    expect(texts(diff, "TipoRectificativa")).toEqual(["I"]);
    expect(diff).not.toContain("ImporteRectificacion");
    const rectified = diff.slice(
      diff.indexOf("<sum1:FacturasRectificadas>"),
      diff.indexOf("</sum1:FacturasRectificadas>"),
    );
    expect(texts(rectified, "NumSerieFactura")).toEqual(
      byDifference.rectification?.rectified.map((r) => r.number),
    );
    expect(texts(rectified, "FechaExpedicionFactura")).toEqual(
      byDifference.rectification?.rectified.map((r) => aeatDate(r.issueDate)),
    );
    expect(texts(rectified, "IDEmisorFactura")).toEqual([NIF, NIF]);
    expect(diff).toContain("<sum1:DescripcionOperacion>Descuento por volumen</sum1:DescripcionOperacion>");
    expect(diff).toContain("<sum1:ImporteTotal>-12.10</sum1:ImporteTotal>");

    const subst = await xmlOf(await recordOf(bySubstitution.id));
    expect(texts(subst, "TipoFactura")).toEqual(["R1"]);
    expect(texts(subst, "TipoRectificativa")).toEqual(["S"]);
    expect(texts(subst, "BaseRectificada")).toEqual(["250.00"]);
    expect(texts(subst, "CuotaRectificada")).toEqual(["47.00"]);
    expect(texts(subst, "ImporteTotal")).toEqual(["248.60"]);
    const substRectified = subst.slice(
      subst.indexOf("<sum1:FacturasRectificadas>"),
      subst.indexOf("</sum1:FacturasRectificadas>"),
    );
    expect(texts(substRectified, "NumSerieFactura")).toEqual([
      bySubstitution.rectification?.rectified[0]?.number,
    ]);
  });

  test("the anulación names the voided invoice as its alta did", async () => {
    const alta = await recordOf(voided.id);
    const xml = await xmlOf(await recordOf(voided.id, "anulacion"));
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sum1:RegistroAnulacion xmlns:sum1=/);
    expect(texts(xml, "NumSerieFacturaAnulada")).toEqual([alta.numSerieFactura]);
    expect(texts(xml, "FechaExpedicionFacturaAnulada")).toEqual([aeatDate(alta.fechaExpedicionFactura)]);
  });

  test("another organisation's record, or none, is 404; without a session 401", async () => {
    const [first] = await records();
    const res = await api("GET", `/api/verifactu/records/${first?.id}/xml`, undefined, otherOrg);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(NIF);
    const none = await api("GET", `/api/verifactu/records/${crypto.randomUUID()}/xml`);
    expect(none.statusCode).toBe(404);
    const anonymous = await ctx.app.inject({ url: `/api/verifactu/records/${first?.id}/xml` });
    expect(anonymous.statusCode).toBe(401);
  });
});
