import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import { invoices, verifactuRecords } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import {
  buildCustomer,
  buildInvoice,
  loginStaff,
  putOrganisationProfile,
  type TestOrg,
} from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { altaHuella, anulacionHuella } from "./huella.js";
import { recordsForInvoice } from "./verifactu-records.js";

const onPostgres = !!process.env.TEST_DATABASE_URL;
const { ctx, org, otherOrg } = setUpTestApp("Verifactu", "Elsewhere");
const NIF = "B12345674";
let plain: Customer;
let company: Customer;
let vat21: string;
let irpf: string;

const api = (method: "GET" | "PUT" | "POST", url: string, payload?: object, o: TestOrg = org) =>
  ctx.app.inject({ method, url, headers: { cookie: o.cookie }, ...(payload ? { payload } : {}) });
const setMode = (enabled: boolean, o: TestOrg = org) => api("PUT", "/api/verifactu/settings", { enabled }, o);
const records = (o: TestOrg = org) =>
  withOrg(ctx.database.db, o.orgId, (tx) =>
    tx.select().from(verifactuRecords).orderBy(verifactuRecords.sequence),
  );
const verify = async (o: TestOrg = org) => (await api("POST", "/api/verifactu/verify", {}, o)).json();
/** FechaHoraHusoGenRegistro: the zone's wall time with its offset, to the second, at the issue. */
function expectStampedSince(value: string | undefined, fromMs: number, offset = "+01:00") {
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(value?.slice(-6)).toBe(offset);
  const at = Date.parse(value ?? "");
  expect(at).toBeGreaterThanOrEqual(Math.floor(fromMs / 1000) * 1000);
  expect(at).toBeLessThan(fromMs + 120_000);
}
/** As the tables' owner (the test connection), outside any tenant scope. */
const asOwner = (statement: ReturnType<typeof sql>) => ctx.database.db.execute(statement);

beforeAll(async () => {
  // A fixed instant in winter, so the generation time's offset is +01:00 in Madrid.
  clock.setClock("2031-01-15T09:30:00.250Z");
  // Signed in again on the moved clock (the sessions of setUpTestApp began on the real one).
  org.cookie = await loginStaff(ctx, org.email, org.password);
  otherOrg.cookie = await loginStaff(ctx, otherOrg.email, otherOrg.password);
  plain = await buildCustomer(ctx, org, "Private person");
  company = await buildCustomer(ctx, org, "Company SL", undefined, { taxId: "A58818501" });
  const tax = async (name: string, rateBp: number) =>
    (await api("POST", "/api/taxes", { name, rateBp })).json().id as string;
  vat21 = await tax("IVA 21 %", 2100);
  irpf = await tax("IRPF −15 %", -1500);
});
afterAll(() => clock.resetClock());

describe("turning VERI*FACTU mode on", () => {
  test("needs a valid Spanish NIF and a Spanish country: field errors, nothing changed", async () => {
    await putOrganisationProfile(ctx, org, { taxId: null, country: "ES" });
    let res = await setMode(true);
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors ?? res.json().errors).toBeDefined();
    expect(JSON.stringify(res.json())).toContain('"required"');

    await putOrganisationProfile(ctx, org, { taxId: "B12345675", country: "FR" });
    res = await setMode(true);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("nif_invalid");
    expect(JSON.stringify(res.json())).toContain("country_not_spain");
    expect((await api("GET", "/api/verifactu/settings")).json()).toMatchObject({
      enabled: false,
      ready: false,
    });
  });

  test("on with the NIF; off again keeps the records", async () => {
    await putOrganisationProfile(ctx, org, {
      taxId: `ES ${NIF}`,
      country: "ES",
      legalName: "Verifactu Test SL",
    });
    const on = await setMode(true);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, ready: true, country: "ES", records: 0 });
  });

  test("while on, the profile keeps a valid NIF and the country ES", async () => {
    for (const [changes, code] of [
      [{ taxId: "" }, "required"],
      [{ taxId: "B12345675" }, "nif_invalid"],
      [{ country: "PT" }, "country_not_spain"],
    ] as const) {
      const res = await putOrganisationProfile(ctx, org, changes);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain(code);
    }
    expect((await api("GET", "/api/organisation")).json()).toMatchObject({
      taxId: `ES ${NIF}`,
      country: "ES",
    });
    expect((await putOrganisationProfile(ctx, org, { taxId: NIF })).statusCode).toBe(200);
  });

  test("without a session it answers 401 (roles: the crawler and ROUTE_ACTIONS)", async () => {
    const res = await ctx.app.inject({
      method: "PUT",
      url: "/api/verifactu/settings",
      payload: { enabled: false },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe("billing records written with the documents", () => {
  test("issuing writes the alta in the same transaction: F2 without the customer's tax id, the first of the chain", async () => {
    const issuedFrom = clock.nowMs();
    const invoice = await buildInvoice(ctx, org, plain.id, {
      issue: true,
      lines: [
        { description: "Design", quantityMilli: 1000, unitPriceMinor: 10000, taxIds: [vat21] },
        { description: "Exempt course", quantityMilli: 2000, unitPriceMinor: 1234, taxIds: [] },
      ],
    });
    const [alta, ...rest] = await records();
    expect(rest).toHaveLength(0);
    expect(alta).toMatchObject({
      kind: "alta",
      sequence: 1,
      invoiceId: invoice.id,
      customerId: plain.id,
      idEmisorFactura: NIF,
      nombreRazonEmisor: "Verifactu Test SL",
      numSerieFactura: invoice.number,
      fechaExpedicionFactura: invoice.issueDate,
      tipoFactura: "F2",
      cuotaTotal: "21.00",
      importeTotal: "145.68",
      huellaAnterior: "",
      desglose: [
        { impuesto: "01", tipoImpositivo: null, baseImponible: "24.68", cuotaRepercutida: "0.00" },
        { impuesto: "01", tipoImpositivo: "21.00", baseImponible: "100.00", cuotaRepercutida: "21.00" },
      ],
    });
    const [d, m, y] = [
      invoice.issueDate.slice(8),
      invoice.issueDate.slice(5, 7),
      invoice.issueDate.slice(0, 4),
    ];
    expect(alta?.huella).toBe(
      altaHuella({
        idEmisorFactura: NIF,
        numSerieFactura: invoice.number ?? "",
        fechaExpedicionFactura: `${d}-${m}-${y}`,
        tipoFactura: "F2",
        cuotaTotal: "21.00",
        importeTotal: "145.68",
        huellaAnterior: "",
        fechaHoraHusoGenRegistro: alta?.fechaHoraHusoGenRegistro ?? "",
      }),
    );
    expectStampedSince(alta?.fechaHoraHusoGenRegistro, issuedFrom);
    const found = await withOrg(ctx.database.db, org.orgId, (tx) => recordsForInvoice(tx, invoice.id));
    expect(found.map((r) => r.id)).toEqual([alta?.id]);
  });

  test("F1 with the customer's tax id; withholdings are not part of the amounts; chained to the one before", async () => {
    clock.setClock("2031-07-15T09:30:00Z");
    org.cookie = await loginStaff(ctx, org.email, org.password);
    otherOrg.cookie = await loginStaff(ctx, otherOrg.email, otherOrg.password);
    const issuedFrom = clock.nowMs();
    const invoice = await buildInvoice(ctx, org, company.id, {
      issue: true,
      lines: [{ description: "Advice", quantityMilli: 1000, unitPriceMinor: 100000, taxIds: [vat21, irpf] }],
    });
    const all = await records();
    const last = all.at(-1);
    expect(last).toMatchObject({
      sequence: 2,
      invoiceId: invoice.id,
      tipoFactura: "F1",
      cuotaTotal: "210.00",
      importeTotal: "1210.00",
      huellaAnterior: all[0]?.huella,
    });
    // Summer in Madrid: +02:00.
    expectStampedSince(last?.fechaHoraHusoGenRegistro, issuedFrom, "+02:00");
  });

  test("a credit note is a rectifying invoice of its own type (R4) by difference: negative amounts", async () => {
    const corrected = await buildInvoice(ctx, org, company.id, { issue: true });
    const note = await buildInvoice(ctx, org, company.id, {
      issue: true,
      kind: "credit_note",
      correctsInvoiceId: corrected.id,
      lines: [{ description: "Refund", quantityMilli: 1000, unitPriceMinor: 5000, taxIds: [vat21] }],
    });
    const [alta] = await withOrg(ctx.database.db, org.orgId, (tx) => recordsForInvoice(tx, note.id));
    expect(alta).toMatchObject({
      kind: "alta",
      tipoFactura: "R4",
      cuotaTotal: "-10.50",
      importeTotal: "-60.50",
    });
  });

  test("voiding writes the anulación, naming the document as its alta did, chained last", async () => {
    const invoice = await buildInvoice(ctx, org, plain.id, { issue: true });
    clock.advanceClock(2000);
    const res = await api("POST", `/api/invoices/${invoice.id}/void`, {});
    expect(res.statusCode, res.body).toBe(200);
    const [alta, anulacion] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      recordsForInvoice(tx, invoice.id),
    );
    const all = await records();
    expect(anulacion).toMatchObject({
      kind: "anulacion",
      sequence: all.length,
      numSerieFactura: alta?.numSerieFactura,
      fechaExpedicionFactura: alta?.fechaExpedicionFactura,
      tipoFactura: null,
      cuotaTotal: null,
      importeTotal: null,
      huellaAnterior: alta?.huella,
    });
    expect(anulacion?.huella).toBe(
      anulacionHuella({
        idEmisorFacturaAnulada: NIF,
        numSerieFacturaAnulada: alta?.numSerieFactura ?? "",
        fechaExpedicionFacturaAnulada: (alta?.fechaExpedicionFactura ?? "").split("-").reverse().join("-"),
        huellaAnterior: alta?.huella ?? "",
        fechaHoraHusoGenRegistro: anulacion?.fechaHoraHusoGenRegistro ?? "",
      }),
    );
    expect(await verify()).toEqual({ ok: true, records: all.length });
  });

  test("issuing in the mode without a valid NIF is refused with a problem, and changes nothing", async () => {
    const before = (await records()).length;
    const draft = await buildInvoice(ctx, org, plain.id);
    // The NIF is changed behind the mode's back (as an older client could).
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.execute(sql`update organisations set tax_id = '' where id = ${org.orgId}`),
    );
    const res = await api("POST", `/api/invoices/${draft.id}/issue`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("VERIFACTU_NIF_REQUIRED");
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(invoices).where(eq(invoices.id, draft.id)),
    );
    expect(row).toMatchObject({ status: "draft", number: null });
    expect(await records()).toHaveLength(before);
    await putOrganisationProfile(ctx, org, { taxId: NIF });
  });

  test("in a currency other than the euro, issuing is refused", async () => {
    const draft = await buildInvoice(ctx, org, plain.id, { currency: "USD" });
    const res = await api("POST", `/api/invoices/${draft.id}/issue`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("VERIFACTU_EUR_ONLY");
  });

  test("outside the mode nothing is written", async () => {
    await buildInvoice(ctx, otherOrg, (await buildCustomer(ctx, otherOrg, "Far")).id, { issue: true });
    expect(await records(otherOrg)).toHaveLength(0);
    expect(await verify(otherOrg)).toEqual({ ok: true, records: 0 });
  });
});

describe("append-only in the database", () => {
  test("a direct UPDATE or DELETE fails, as the app role and as the tables' owner", async () => {
    for (const statement of [
      sql`update verifactu_records set cuota_total = '0.00'`,
      sql`delete from verifactu_records`,
    ]) {
      await expect(withOrg(ctx.database.db, org.orgId, (tx) => tx.execute(statement))).rejects.toThrow();
      const refused = await asOwner(statement).then(
        () => "done",
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
      );
      expect(refused).toMatch(/append-only/);
    }
    expect((await records()).length).toBeGreaterThan(3);
  });

  test("the organisation is not deleted while it has records (they are kept)", async () => {
    const res = await api("POST", "/api/organisation/delete", { slug: org.slug });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("ORGANISATION_HAS_VERIFACTU_RECORDS");
    expect((await records()).length).toBeGreaterThan(3);
  });
});

describe("verify chain", () => {
  test("tampering with a stored field is reported at that record", async () => {
    const all = await records();
    const target = all[1];
    if (!target) throw new Error("no second record");
    const tamper = async (value: string) => {
      await ctx.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table verifactu_records disable trigger verifactu_records_append_only`);
        await tx.execute(sql`update verifactu_records set importe_total = ${value} where id = ${target.id}`);
        await tx.execute(sql`alter table verifactu_records enable trigger verifactu_records_append_only`);
      });
    };
    await tamper("1.00");
    const broken = await verify();
    expect(broken).toMatchObject({
      ok: false,
      records: 2,
      firstBreak: { sequence: 2, invoiceNumber: target.numSerieFactura, stored: target.huella },
    });
    expect(broken.firstBreak.expected).not.toBe(target.huella);
    await tamper(target.importeTotal ?? "");
    expect(await verify()).toEqual({ ok: true, records: all.length });
  });

  test("a broken link (previous fingerprint) is reported too", async () => {
    const all = await records();
    const target = all[2];
    if (!target) throw new Error("no third record");
    const relink = (value: string) =>
      ctx.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table verifactu_records disable trigger verifactu_records_append_only`);
        await tx.execute(
          sql`update verifactu_records set huella_anterior = ${value} where id = ${target.id}`,
        );
        await tx.execute(sql`alter table verifactu_records enable trigger verifactu_records_append_only`);
      });
    await relink("0".repeat(64));
    expect(await verify()).toMatchObject({
      ok: false,
      firstBreak: { sequence: 3, expected: all[1]?.huella, stored: "0".repeat(64) },
    });
    await relink(target.huellaAnterior);
    expect(await verify()).toEqual({ ok: true, records: all.length });
  });
});

describe("the records list", () => {
  test("newest first, a page at a time", async () => {
    const all = await records();
    const first = (await api("GET", "/api/verifactu/records?limit=2")).json();
    expect(first.records.map((r: { sequence: number }) => r.sequence)).toEqual([all.length, all.length - 1]);
    expect(first.nextBefore).toBe(all.length - 1);
    const second = (await api("GET", `/api/verifactu/records?limit=100&before=${first.nextBefore}`)).json();
    expect(second.records[0].sequence).toBe(all.length - 2);
    expect(second.nextBefore).toBeNull();
    expect((await api("GET", "/api/verifactu/records", undefined, otherOrg)).json().records).toEqual([]);
  });
});

describe("concurrent issues chain in one line", () => {
  const N = onPostgres ? 200 : 12;
  test(`${N} parallel issues → ${N} records, each following the one before, no fork, verify passes`, async () => {
    const before = (await records()).length;
    const drafts = await Promise.all(Array.from({ length: N }, () => buildInvoice(ctx, org, company.id)));
    const answers = await Promise.all(drafts.map((d) => api("POST", `/api/invoices/${d.id}/issue`, {})));
    expect(answers.filter((a) => a.statusCode !== 200).map((a) => a.body)).toEqual([]);
    const all = await records();
    expect(all).toHaveLength(before + N);
    all.forEach((r, i) => {
      expect(r.sequence).toBe(i + 1);
      expect(r.huellaAnterior).toBe(i === 0 ? "" : all[i - 1]?.huella);
    });
    expect(new Set(all.map((r) => r.huellaAnterior)).size).toBe(all.length);
    expect(new Set(drafts.map((d) => d.id))).toEqual(new Set(all.slice(before).map((r) => r.invoiceId)));
    expect(await verify()).toEqual({ ok: true, records: before + N });
  }, 120_000);

  test("issues and voids at once still chain in one line", async () => {
    const M = onPostgres ? 20 : 4;
    const issued = [];
    for (let i = 0; i < M; i++) issued.push(await buildInvoice(ctx, org, company.id, { issue: true }));
    const drafts = await Promise.all(Array.from({ length: M }, () => buildInvoice(ctx, org, company.id)));
    const before = (await records()).length;
    const answers = await Promise.all([
      ...drafts.map((d) => api("POST", `/api/invoices/${d.id}/issue`, {})),
      ...issued.map((d) => api("POST", `/api/invoices/${d.id}/void`, {})),
    ]);
    expect(answers.filter((a) => a.statusCode !== 200).map((a) => a.body)).toEqual([]);
    const all = await records();
    expect(all).toHaveLength(before + 2 * M);
    expect(all.slice(before).filter((r) => r.kind === "anulacion")).toHaveLength(M);
    expect(all.map((r) => r.huellaAnterior)).toEqual(["", ...all.slice(0, -1).map((r) => r.huella)]);
    expect(await verify()).toEqual({ ok: true, records: all.length });
  }, 120_000);
});
