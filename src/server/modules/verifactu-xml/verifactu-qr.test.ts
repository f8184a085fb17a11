import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildInvoice } from "../../test/factories.js";
import { pdfText } from "../../test/pdf.js";
import { contactSessionCookie, setUpTestApp } from "../../test/scenarios.js";
import { decodePdfQr } from "./test-support.js";

const { ctx, org } = setUpTestApp("VeriFactu QR Org");
let customer: Customer;
let invoice: InvoiceDetail;

const setMode = (verifactuEnabled: boolean, taxId: string | null = "B12345674") =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(organisations).set({ verifactuEnabled, taxId }).where(eq(organisations.id, org.orgId)),
  );

const staff = (url: string) => ctx.app.inject({ method: "GET", url, headers: { cookie: org.cookie } });

const expectedUrl = (number: string, date: string, importe: string) =>
  `https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=${encodeURIComponent(number)}&fecha=${date.split("-").reverse().join("-")}&importe=${importe}`;

beforeAll(async () => {
  await setMode(true);
  customer = await buildCustomer(ctx, org, "Cliente QR");
  invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
});

describe("the VERI*FACTU QR (issue 17 §1)", () => {
  test("the invoice PDF carries a 30–40 mm QR that decodes to AEAT's URL, with the legends in Spanish", async () => {
    // 2 × 100.00 at the organisation's default 21 %.
    expect(invoice.totalMinor).toBe(24200);
    const url = expectedUrl(invoice.number as string, invoice.issueDate, "242.00");
    expect(invoice.verifactuQrUrl).toBe(url);

    const res = await staff(`/api/invoices/${invoice.id}/pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const qr = await decodePdfQr(res.rawPayload);
    expect(qr?.text).toBe(url);
    const sideMm = ((qr?.sidePx ?? 0) / (qr?.scale ?? 1)) * (25.4 / 72);
    expect(sideMm).toBeGreaterThanOrEqual(30);
    expect(sideMm).toBeLessThanOrEqual(40);

    const text = await pdfText(res.rawPayload);
    expect(text).toContain("VERI*FACTU");
    expect(text.replace(/\s+/g, " ")).toContain("Factura verificable en la sede electrónica de la AEAT");
    // Before the document's own content: the legend comes first on the page.
    expect(text.indexOf("VERI*FACTU")).toBeLessThan(text.indexOf(invoice.number as string));
  });

  test("the portal's detail and PDF show the same URL; a credit note states its total as negative", async () => {
    const cookie = await contactSessionCookie(ctx, org, customer, "link");
    const detail = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${invoice.id}`,
      headers: { cookie },
    });
    expect(detail.json().verifactuQrUrl).toBe(invoice.verifactuQrUrl);
    const pdf = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${invoice.id}/pdf`,
      headers: { cookie },
    });
    expect((await decodePdfQr(pdf.rawPayload))?.text).toBe(invoice.verifactuQrUrl);

    const credit = await buildInvoice(ctx, org, customer.id, {
      issue: true,
      kind: "credit_note",
      correctsInvoiceId: invoice.id,
      lines: [{ description: "Refund", quantityMilli: 1000, unitPriceMinor: 1000 }],
    });
    const creditUrl = expectedUrl(credit.number as string, credit.issueDate, "-12.10");
    expect(credit.verifactuQrUrl).toBe(creditUrl);
    const creditPdf = await staff(`/api/invoices/${credit.id}/pdf`);
    expect((await decodePdfQr(creditPdf.rawPayload))?.text).toBe(creditUrl);
  });

  test("the amount is the record's ImporteTotal: an IRPF withholding is not subtracted", async () => {
    const taxes: { id: string; rateBp: number }[] = (await staff("/api/taxes")).json();
    const taxIds = [2100, -1500].map((rate) => taxes.find((t) => t.rateBp === rate)?.id as string);
    const withIrpf = await buildInvoice(ctx, org, customer.id, {
      issue: true,
      lines: [{ description: "Consultoría", quantityMilli: 1000, unitPriceMinor: 10000, taxIds }],
    });
    // 100.00 + 21.00 VAT − 15.00 IRPF is payable; VERI*FACTU's ImporteTotal is 121.00.
    expect(withIrpf.totalMinor).toBe(10600);
    expect(withIrpf.verifactuQrUrl).toBe(
      expectedUrl(withIrpf.number as string, withIrpf.issueDate, "121.00"),
    );
  });

  test("no QR on a draft, nor when the mode is off or the organisation has no NIF", async () => {
    const draft = await buildInvoice(ctx, org, customer.id);
    expect(draft.verifactuQrUrl).toBeNull();
    const draftPdf = await staff(`/api/invoices/${draft.id}/pdf`);
    expect(await decodePdfQr(draftPdf.rawPayload)).toBeNull();
    expect(await pdfText(draftPdf.rawPayload)).not.toContain("VERI*FACTU");

    for (const [enabled, taxId] of [
      [false, "B12345674"],
      [true, null],
    ] as const) {
      await setMode(enabled, taxId);
      const detail = (await staff(`/api/invoices/${invoice.id}`)).json();
      expect(detail.verifactuQrUrl).toBeNull();
      const pdf = await staff(`/api/invoices/${invoice.id}/pdf`);
      expect(await decodePdfQr(pdf.rawPayload)).toBeNull();
      expect(await pdfText(pdf.rawPayload)).not.toContain("Factura verificable");
    }
    await setMode(true);
  });
});
