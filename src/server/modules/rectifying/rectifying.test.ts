import { eq, sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import { invoices, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { buildSignedInCustomer } from "../../test/scenarios.js";
import { rectificationOf } from "./rectification.js";

let ctx: TestContext;
let es: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  es = await buildOrg(ctx, "Rectifica Iberia");
  other = await buildOrg(ctx, "Rectify Elsewhere");
  await withOrg(ctx.database.db, other.orgId, (tx) =>
    tx.update(organisations).set({ country: "PT" }).where(eq(organisations.id, other.orgId)),
  );
});
afterAll(() => ctx.close());

const year = () => testToday().slice(0, 4);

const post = (org: TestOrg, url: string, payload: unknown) =>
  ctx.app.inject({ method: "POST", url, headers: { cookie: org.cookie }, payload: payload as object });

const createCredit = (org: TestOrg, payload: Record<string, unknown>) =>
  post(org, "/api/invoices", { kind: "credit_note", ...payload });

const issue = (org: TestOrg, id: string) => post(org, `/api/invoices/${id}/issue`, {});

const fieldsOf = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
  Object.fromEntries((res.json().errors ?? []).map((f) => [f.field, f.code]));

const countCredits = (org: TestOrg) =>
  withOrg(ctx.database.db, org.orgId, async (tx) =>
    Number(
      (
        (await tx.execute(
          sql`select count(*)::int as n from invoices where kind = 'credit_note'`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]?.n,
    ),
  );

const line = (unitPriceMinor: number, taxIds?: string[]) => ({
  description: "Consultoría",
  quantityMilli: 1000,
  unitPriceMinor,
  ...(taxIds ? { taxIds } : {}),
});

const pdfText = async (org: TestOrg, id: string, lang: "es" | "en") => {
  const res = await ctx.app.inject({
    url: `/api/invoices/${id}/pdf?lang=${lang}`,
    headers: { cookie: org.cookie, "accept-language": lang },
  });
  expect(res.statusCode).toBe(200);
  return (await new PDFParse({ data: res.rawPayload }).getText()).text;
};

describe("a Spanish organisation's credit note is a rectifying invoice", () => {
  test("by difference: type, reason and several rectified invoices, stored and shown", async () => {
    const c = await buildCustomer(ctx, es, "Difference");
    const a = await buildInvoice(ctx, es, c.id, { issue: true });
    const b = await buildInvoice(ctx, es, c.id, { issue: true });
    const res = await createCredit(es, {
      customerId: c.id,
      rectification: { type: "R1", reason: "Precio mal aplicado", invoiceIds: [a.id, b.id] },
      lines: [line(5000)],
    });
    expect(res.statusCode).toBe(201);
    const draft = res.json() as InvoiceDetail;
    expect(draft.correctsInvoiceId).toBe(a.id);
    expect(draft.rectification).toMatchObject({
      type: "R1",
      method: "difference",
      reason: "Precio mal aplicado",
      rectified: [
        { invoiceId: a.id, number: a.number, issueDate: a.issueDate, baseMinor: null, taxMinor: null },
        { invoiceId: b.id, number: b.number, issueDate: b.issueDate, baseMinor: null, taxMinor: null },
      ],
      copiedLineCount: 0,
    });
    const issued = await issue(es, draft.id);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().number).toMatch(new RegExp(`^R${year()}-\\d{4}$`));
    const record = await withOrg(ctx.database.db, es.orgId, (tx) => rectificationOf(tx, draft.id));
    expect(record).toEqual({
      type: "R1",
      method: "difference",
      aeatMethod: "I",
      reason: "Precio mal aplicado",
      rectified: [
        { number: a.number, issueDate: a.issueDate },
        { number: b.number, issueDate: b.issueDate },
      ],
    });
    const invoiceRecord = await withOrg(ctx.database.db, es.orgId, (tx) => rectificationOf(tx, a.id));
    expect(invoiceRecord).toBeNull();
  });

  test("the existing corrected-invoice link alone names the one rectified invoice", async () => {
    const c = await buildCustomer(ctx, es, "Link");
    const a = await buildInvoice(ctx, es, c.id, { issue: true });
    const credit = await buildInvoice(ctx, es, c.id, {
      kind: "credit_note",
      correctsInvoiceId: a.id,
      rectification: { type: "R4", reason: "Devolución" },
    });
    expect(credit.rectification?.rectified.map((r) => r.number)).toEqual([a.number]);
    expect(credit.correctsInvoiceId).toBe(a.id);
  });

  test("by substitution: the corrected amounts are stated and the rectified base and tax recorded", async () => {
    const c = await buildCustomer(ctx, es, "Substitution");
    // 2 × 100.00 + 21 % VAT (the organisation's default tax) = 242.00
    const a = await buildInvoice(ctx, es, c.id, { issue: true });
    expect([a.netMinor, a.taxMinor, a.totalMinor]).toEqual([20000, 4200, 24200]);
    const res = await createCredit(es, {
      customerId: c.id,
      rectification: {
        type: "R1",
        method: "substitution",
        reason: "Cantidad facturada de más",
        invoiceIds: [a.id],
      },
      lines: [{ description: "Consulting", quantityMilli: 1500, unitPriceMinor: 10000 }],
    });
    expect(res.statusCode).toBe(201);
    const credit = res.json() as InvoiceDetail;
    // Credits the rectified invoice in full, charges the corrected 150.00 + 31.50 again: 60.50 of credit.
    expect(credit.lines.map((l) => [l.quantityMilli, l.totalMinor])).toEqual([
      [2000, 24200],
      [-1500, -18150],
    ]);
    expect([credit.netMinor, credit.taxMinor, credit.totalMinor]).toEqual([5000, 1050, 6050]);
    expect(credit.rectification).toMatchObject({
      method: "substitution",
      rectified: [{ number: a.number, baseMinor: 20000, taxMinor: 4200 }],
      copiedLineCount: 1,
      correctedBaseMinor: 15000,
      correctedTaxMinor: 3150,
    });
    // Editing the draft keeps one copy of the rectified lines, whatever the corrected lines become.
    const edited = await ctx.app.inject({
      method: "PUT",
      url: `/api/invoices/${credit.id}`,
      headers: { cookie: es.cookie },
      payload: {
        customerId: c.id,
        rectification: { type: "R1", method: "substitution", reason: "Otra", invoiceIds: [a.id] },
        lines: [{ description: "Consulting", quantityMilli: 1000, unitPriceMinor: 10000 }],
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().lines).toHaveLength(2);
    expect(edited.json().totalMinor).toBe(12100);
    const issued = await issue(es, credit.id);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().availableMinor).toBe(12100);
    const record = await withOrg(ctx.database.db, es.orgId, (tx) => rectificationOf(tx, credit.id));
    expect(record).toMatchObject({
      method: "substitution",
      aeatMethod: "S",
      rectified: [{ number: a.number, issueDate: a.issueDate, base: 20000, tax: 4200 }],
    });
  });

  test("the PDF is titled and says the type, reason, method and rectified invoices", async () => {
    const c = await buildCustomer(ctx, es, "Paper");
    const a = await buildInvoice(ctx, es, c.id, { issue: true });
    const credit = await buildInvoice(ctx, es, c.id, {
      issue: true,
      kind: "credit_note",
      rectification: { type: "R2", reason: "Cliente en concurso", invoiceIds: [a.id] },
    });
    const [y, m, d] = a.issueDate.split("-");
    const esText = await pdfText(es, credit.id, "es");
    expect(esText).toContain("Factura rectificativa");
    expect(esText).toContain("R2");
    expect(esText).toContain("Cliente en concurso");
    expect(esText).toMatch(/por diferencias/i);
    expect(esText).toContain(a.number as string);
    expect(esText).toContain(`${d}/${m}/${y}`);
    const enText = await pdfText(es, credit.id, "en");
    expect(enText).toContain("Corrective invoice");
    expect(enText).toMatch(/by difference/i);
    expect(enText).toContain(a.number as string);
  });

  test("the contact sees the same on the portal's document page, in its own customer only", async () => {
    const signedIn = await buildSignedInCustomer(ctx, es, "Portal Reader");
    const credit = await buildInvoice(ctx, es, signedIn.customer.id, {
      issue: true,
      kind: "credit_note",
      rectification: { type: "R3", reason: "Crédito incobrable", invoiceIds: [signedIn.invoice.id] },
    });
    const res = await ctx.app.inject({
      url: `/api/portal/${es.slug}/invoices/${credit.id}`,
      headers: { cookie: signedIn.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rectification).toMatchObject({
      type: "R3",
      method: "difference",
      reason: "Crédito incobrable",
      rectified: [{ number: signedIn.invoice.number, issueDate: signedIn.invoice.issueDate }],
    });
    const pdf = await ctx.app.inject({
      url: `/api/portal/${es.slug}/invoices/${credit.id}/pdf?lang=en`,
      headers: { cookie: signedIn.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect((await new PDFParse({ data: pdf.rawPayload }).getText()).text).toContain("Corrective invoice");
  });
});

describe("validation: bad input changes nothing", () => {
  test("type and reason are required in Spain", async () => {
    const c = await buildCustomer(ctx, es, "Required");
    const before = await countCredits(es);
    const none = await createCredit(es, { customerId: c.id, lines: [line(1000)] });
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none)).toEqual({
      "body.rectification.type": "required",
      "body.rectification.reason": "required",
    });
    const noType = await createCredit(es, {
      customerId: c.id,
      rectification: { reason: "x" },
      lines: [line(1000)],
    });
    expect(fieldsOf(noType)).toEqual({ "body.rectification.type": "required" });
    const blank = await createCredit(es, {
      customerId: c.id,
      rectification: { type: "R4", reason: "   " },
      lines: [line(1000)],
    });
    expect(Object.keys(fieldsOf(blank))).toEqual(["body.rectification.reason"]);
    const long = await createCredit(es, {
      customerId: c.id,
      rectification: { type: "R4", reason: "x".repeat(501) },
      lines: [line(1000)],
    });
    expect(fieldsOf(long)).toEqual({ "body.rectification.reason": "too_big" });
    const badType = await createCredit(es, {
      customerId: c.id,
      rectification: { type: "R9", reason: "x" },
      lines: [line(1000)],
    });
    expect(fieldsOf(badType)).toEqual({ "body.rectification.type": "invalid_value" });
    expect(await countCredits(es)).toBe(before);
  });

  test("rectified invoices: issued invoices of the same customer; another organisation's is refused", async () => {
    const c = await buildCustomer(ctx, es, "Targets");
    const neighbour = await buildCustomer(ctx, es, "Neighbour");
    const draft = await buildInvoice(ctx, es, c.id);
    const neighbours = await buildInvoice(ctx, es, neighbour.id, { issue: true });
    const ok = await buildInvoice(ctx, es, c.id, { issue: true });
    const foreignCustomer = await buildCustomer(ctx, other, "Foreign");
    const foreign = await buildInvoice(ctx, other, foreignCustomer.id, { issue: true });
    const before = await countCredits(es);
    for (const bad of [draft.id, neighbours.id, foreign.id, "00000000-0000-4000-8000-000000000000"]) {
      const res = await createCredit(es, {
        customerId: c.id,
        rectification: { type: "R1", reason: "x", invoiceIds: [ok.id, bad] },
        lines: [line(1000)],
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual({ "body.rectification.invoiceIds.1": "corrected_invoice_invalid" });
    }
    const twice = await createCredit(es, {
      customerId: c.id,
      rectification: { type: "R1", reason: "x", invoiceIds: [ok.id, ok.id] },
      lines: [line(1000)],
    });
    expect(fieldsOf(twice)).toEqual({ "body.rectification.invoiceIds.1": "listed_twice" });
    expect(await countCredits(es)).toBe(before);
  });

  test("substitution needs exactly one rectified invoice and must credit something", async () => {
    const c = await buildCustomer(ctx, es, "Subst");
    const a = await buildInvoice(ctx, es, c.id, { issue: true });
    const b = await buildInvoice(ctx, es, c.id, { issue: true });
    const before = await countCredits(es);
    for (const invoiceIds of [[], [a.id, b.id]]) {
      const res = await createCredit(es, {
        customerId: c.id,
        rectification: { type: "R1", method: "substitution", reason: "x", invoiceIds },
        lines: [line(1000)],
      });
      expect(fieldsOf(res)).toEqual({ "body.rectification.invoiceIds": "substitution_needs_one" });
    }
    const more = await createCredit(es, {
      customerId: c.id,
      rectification: { type: "R1", method: "substitution", reason: "x", invoiceIds: [a.id] },
      lines: [{ description: "More", quantityMilli: 3000, unitPriceMinor: 10000 }],
    });
    expect(fieldsOf(more)).toEqual({ "body.lines": "substitution_not_credit" });
    expect(await countCredits(es)).toBe(before);
  });

  test("a rectified invoice voided before the credit note is issued stops the issue", async () => {
    const c = await buildCustomer(ctx, es, "Voided");
    const a = await buildInvoice(ctx, es, c.id, { issue: true });
    const credit = await buildInvoice(ctx, es, c.id, {
      kind: "credit_note",
      rectification: { type: "R4", reason: "x", invoiceIds: [a.id] },
    });
    expect((await post(es, `/api/invoices/${a.id}/void`, {})).statusCode).toBe(200);
    const res = await issue(es, credit.id);
    expect(fieldsOf(res)).toEqual({ "body.rectification.invoiceIds.0": "corrected_invoice_invalid" });
    const [row] = await withOrg(ctx.database.db, es.orgId, (tx) =>
      tx.select().from(invoices).where(eq(invoices.id, credit.id)),
    );
    expect(row?.number).toBeNull();
  });

  test("a rectification is refused on an invoice", async () => {
    const c = await buildCustomer(ctx, es, "Kind");
    const res = await post(es, "/api/invoices", {
      customerId: c.id,
      rectification: { type: "R1", reason: "x" },
      lines: [line(1000)],
    });
    expect(fieldsOf(res)).toEqual({ "body.rectification": "not_allowed" });
  });
});

describe("outside Spain credit notes are unchanged", () => {
  test("no type or reason needed, none allowed; the same R series; the PDF says credit note", async () => {
    const c = await buildCustomer(ctx, other, "Plain");
    const a = await buildInvoice(ctx, other, c.id, { issue: true });
    const credit = await buildInvoice(ctx, other, c.id, {
      issue: true,
      kind: "credit_note",
      correctsInvoiceId: a.id,
      rectification: null,
    });
    expect(credit.rectification).toBeNull();
    expect(credit.correctsInvoiceId).toBe(a.id);
    expect(credit.number).toBe(`R${year()}-0001`);
    const refused = await createCredit(other, {
      customerId: c.id,
      rectification: { type: "R1", reason: "x" },
      lines: [line(1000)],
    });
    expect(fieldsOf(refused)).toEqual({ "body.rectification": "not_allowed" });
    expect(await withOrg(ctx.database.db, other.orgId, (tx) => rectificationOf(tx, credit.id))).toBeNull();
    const text = await pdfText(other, credit.id, "en");
    expect(text).toContain("Credit note");
    expect(text).not.toContain("Corrective invoice");
  });
});
