import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, test } from "vitest";
import type {
  CustomerBalance,
  InvoiceDetail,
  PaymentDetail,
  Statement,
} from "../../../shared/contracts/index.js";
import { addDays } from "../../../shared/dates.js";
import { formatMoney } from "../../../shared/money/index.js";
import { auditEvents } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { buildCustomer, buildOrg, signInContactByLink } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { defaultFrom } from "./statement-range.js";
import { ledgerApi, orgToday } from "./test-support.js";

const { ctx, org } = setUpTestApp("Statement Org");
const api = ledgerApi(ctx, org);
const today = orgToday();
const eur = (minor: number) => formatMoney(minor, "EUR", "en-GB");
/** pdf-parse reads no-break spaces (Spanish amounts: "180,00 €") back as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const pdfText = async (data: Buffer) => plain((await new PDFParse({ data }).getText()).text);

const portal = (cookie: string, path: string) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie, "accept-language": "en" } });

/**
 * A customer with every kind of movement, made through the API:
 * before the period an unapplied payment (−50); in it a payment of 150 on I1 five days ago, 30 of it
 * refunded two days ago, a payment of 100 for a retainer of 100 yesterday, and today I1 (200), I2 (300)
 * and a credit note of 50 correcting I1. A draft and a voided invoice are not movements.
 */
interface Ledger {
  customerId: string;
  contactEmail: string;
  i1: InvoiceDetail;
  i2: InvoiceDetail;
  creditNote: InvoiceDetail;
  retainer: InvoiceDetail;
  early: PaymentDetail;
  p1: PaymentDetail;
  retainerPayment: PaymentDetail;
  voided: InvoiceDetail;
}

async function buildLedger(name: string): Promise<Ledger> {
  const customer = await buildCustomer(ctx, org, name);
  const early = await api.payment(customer.id, 5_000, addDays(today, -40));
  const i1 = await api.document(customer.id, 20_000);
  const i2 = await api.document(customer.id, 30_000);
  const creditNote = await api.document(customer.id, 5_000, {
    kind: "credit_note",
    correctsInvoiceId: i1.id,
  });
  const p1 = await api.payment(customer.id, 15_000, addDays(today, -5), [
    { invoiceId: i1.id, amountMinor: 15_000 },
  ]);
  await api.refundPayment(p1, 3_000, addDays(today, -2));
  const retainer = await api.document(customer.id, 10_000, { kind: "retainer" });
  const retainerPayment = await api.payment(customer.id, 10_000, addDays(today, -1), [
    { invoiceId: retainer.id, amountMinor: 10_000 },
  ]);
  await api.call(
    "POST",
    "/api/invoices",
    {
      customerId: customer.id,
      lines: [{ description: "Draft", quantityMilli: 1000, unitPriceMinor: 99_900, taxIds: [] }],
    },
    201,
  );
  const voided = await api.document(customer.id, 77_700);
  await api.call("POST", `/api/invoices/${voided.id}/void`, {});
  const contactEmail = customer.contacts.find((c) => c.isPrimary)?.email as string;
  return {
    customerId: customer.id,
    contactEmail,
    i1,
    i2,
    creditNote,
    retainer,
    early,
    p1,
    retainerPayment,
    voided,
  };
}

describe("a statement of account", () => {
  let l: Ledger;
  let s: Statement;
  const from = addDays(today, -30);

  beforeAll(async () => {
    l = await buildLedger("Ledger Customer");
    s = await api.statement(l.customerId, `?from=${from}&to=${today}`);
  });

  test("carries the balance before the period in and lists every movement in date order", () => {
    expect(s).toMatchObject({
      currency: "EUR",
      currencies: ["EUR"],
      from,
      to: today,
      openingBalanceMinor: -5_000,
    });
    const refundId = s.lines.find((x) => x.type === "refund")?.id;
    expect(s.lines.map((x) => [x.type, x.id, x.date, x.amountMinor, x.balanceMinor])).toEqual([
      ["payment", l.p1.id, addDays(today, -5), -15_000, -20_000],
      ["refund", refundId, addDays(today, -2), 3_000, -17_000],
      ["payment", l.retainerPayment.id, addDays(today, -1), -10_000, -27_000],
      ["invoice", l.i1.id, today, 20_000, -7_000],
      ["invoice", l.i2.id, today, 30_000, 23_000],
      ["credit_note", l.creditNote.id, today, -5_000, 18_000],
    ]);
    expect(s.closingBalanceMinor).toBe(18_000);
    expect(s.chargesMinor).toBe(53_000);
    expect(s.creditsMinor).toBe(30_000);
  });

  test("names each line: numbers, due date, the corrected invoice, the refunded payment", () => {
    const [pay, refund, , inv1, , cn] = s.lines;
    expect(pay).toMatchObject({ number: l.p1.number, method: "transfer", reference: "TRF-REF" });
    expect(refund).toMatchObject({ number: l.p1.number, method: "transfer" });
    expect(inv1).toMatchObject({ number: l.i1.number, dueDate: l.i1.dueDate });
    expect(cn).toMatchObject({ number: l.creditNote.number, correctsNumber: l.i1.number });
  });

  test("retainer invoices, drafts and void invoices are not lines; the retainer's payment is", () => {
    const ids = s.lines.map((x) => x.id);
    expect(ids).not.toContain(l.retainer.id);
    expect(ids).not.toContain(l.voided.id);
    expect(ids).toContain(l.retainerPayment.id);
    expect(s.lines.every((x) => x.amountMinor !== 99_900 && x.amountMinor !== 77_700)).toBe(true);
  });

  test("over all history the closing balance equals the customer's balance", async () => {
    const all = await api.statement(l.customerId, `?from=${addDays(today, -3000)}&to=${addDays(today, 1)}`);
    expect(all.openingBalanceMinor).toBe(0);
    const balances = await api.call<CustomerBalance[]>("GET", `/api/customers/${l.customerId}/balances`);
    expect(all.closingBalanceMinor).toBe(balances[0]?.balanceMinor);
    expect(all.closingBalanceMinor).toBe(18_000);
  });

  test("a later period opens with the earlier one's closing balance", async () => {
    const before = await api.statement(l.customerId, `?from=${addDays(today, -60)}&to=${addDays(today, -3)}`);
    const after = await api.statement(l.customerId, `?from=${addDays(today, -2)}&to=${today}`);
    expect(after.openingBalanceMinor).toBe(before.closingBalanceMinor);
    expect(after.closingBalanceMinor).toBe(18_000);
    expect(before.lines.map((x) => x.id)).toEqual([l.early.id, l.p1.id]);
  });

  test("aging: what is owed at `to` by days past due, from allocations applied by then", async () => {
    // I1 owes 200 − 150 + 30 = 80, I2 owes 300; both fall due in 30 days.
    expect(s.aging).toMatchObject({ currentMinor: 38_000, totalMinor: 38_000, days1to30Minor: 0 });
    const later = await api.statement(l.customerId, `?to=${addDays(today, 45)}`);
    expect(later.aging).toMatchObject({ currentMinor: 0, days1to30Minor: 38_000, totalMinor: 38_000 });
    const much = await api.statement(l.customerId, `?to=${addDays(today, 130)}`);
    expect(much.aging).toMatchObject({ days61to90Minor: 0, over90Minor: 38_000 });
    const yesterday = await api.statement(l.customerId, `?to=${addDays(today, -1)}`);
    expect(yesterday.aging.totalMinor).toBe(0);
  });

  test("decision 017: invoices due − credit available = closing balance, printed under the aging", () => {
    // Credit: the early unapplied payment (50), the credit note (50) and the retainer's balance (100).
    expect(s.reconciliation).toEqual({
      invoicesDueMinor: 38_000,
      creditAvailableMinor: 20_000,
      balanceMinor: 18_000,
    });
  });

  test("aging at `to` ignores a payment applied after it", async () => {
    const c = await buildCustomer(ctx, org, "Aging Customer");
    const inv = await api.document(c.id, 40_000);
    await api.payment(c.id, 40_000, addDays(today, 10), [{ invoiceId: inv.id, amountMinor: 40_000 }]);
    expect((await api.statement(c.id, `?to=${today}`)).aging.currentMinor).toBe(40_000);
    expect((await api.statement(c.id, `?to=${addDays(today, 31)}`)).aging.totalMinor).toBe(0);
    expect((await api.statement(c.id, `?to=${addDays(today, 9)}`)).aging.currentMinor).toBe(40_000);
  });

  test("the default period runs from the first day of the month three months ago to today", async () => {
    const d = await api.statement(l.customerId);
    expect([d.from, d.to]).toEqual([defaultFrom(today), today]);
    expect(d.from.endsWith("-01")).toBe(true);
  });

  test("a reversed or over-long period, or a bad date, is refused with problem+json", async () => {
    const get = (q: string) =>
      ctx.app.inject({
        url: `/api/customers/${l.customerId}/statement${q}`,
        headers: { cookie: org.cookie },
      });
    const reversed = await get(`?from=${today}&to=${addDays(today, -1)}`);
    expect([reversed.statusCode, reversed.json().code]).toEqual([422, "STATEMENT_RANGE_REVERSED"]);
    expect(reversed.headers["content-type"]).toContain("application/problem+json");
    const long = await get(`?from=${addDays(today, -3700)}&to=${today}`);
    expect([long.statusCode, long.json().code]).toEqual([422, "STATEMENT_RANGE_TOO_LONG"]);
    expect((await get("?from=2026-02-30")).statusCode).toBe(400);
    const pdf = await ctx.app.inject({
      url: `/api/customers/${l.customerId}/statement/pdf?from=${today}&to=${addDays(today, -1)}`,
      headers: { cookie: org.cookie },
    });
    expect([pdf.statusCode, pdf.json().code]).toEqual([422, "STATEMENT_RANGE_REVERSED"]);
  });

  test("an empty period has its balances and no lines", async () => {
    const e = await api.statement(l.customerId, `?from=${addDays(today, -400)}&to=${addDays(today, -300)}`);
    expect(e).toMatchObject({ openingBalanceMinor: 0, closingBalanceMinor: 0, lines: [] });
  });
});

describe("currencies and customers", () => {
  test("each currency is its own statement; the customer's comes first", async () => {
    const c = await buildCustomer(ctx, org, "Two Currencies");
    await api.document(c.id, 10_000);
    await api.document(c.id, 7_000, { currency: "USD" });
    const eurS = await api.statement(c.id);
    expect(eurS.currencies).toEqual(["EUR", "USD"]);
    expect(eurS.lines.map((x) => x.amountMinor)).toEqual([10_000]);
    const usd = await api.statement(c.id, "?currency=USD");
    expect(usd).toMatchObject({ currency: "USD", closingBalanceMinor: 7_000 });
  });

  test("another customer's documents never appear; staff of another organisation get 404", async () => {
    const a = await buildCustomer(ctx, org, "Customer A");
    const b = await buildCustomer(ctx, org, "Customer B");
    const ia = await api.document(a.id, 11_100);
    const ib = await api.document(b.id, 22_200);
    const sa = await api.statement(a.id);
    expect(sa.lines.map((x) => x.id)).toEqual([ia.id]);
    expect(sa.lines.map((x) => x.id)).not.toContain(ib.id);
    const other = await buildOrg(ctx, "Other Org");
    const res = await ctx.app.inject({
      url: `/api/customers/${a.id}/statement`,
      headers: { cookie: other.cookie },
    });
    expect(res.statusCode).toBe(404);
    const pdf = await ctx.app.inject({
      url: `/api/customers/${a.id}/statement/pdf`,
      headers: { cookie: other.cookie },
    });
    expect(pdf.statusCode).toBe(404);
  });
});

describe("the portal statement", () => {
  let l: Ledger;
  let cookie: string;

  beforeAll(async () => {
    l = await buildLedger("Portal Ledger");
    cookie = await signInContactByLink(ctx, org, l.i1.id, l.contactEmail);
  });

  test("a contact sees its own customer's statement, the same as staff", async () => {
    const other = await buildCustomer(ctx, org, "Portal Neighbour");
    const theirs = await api.document(other.id, 12_300);
    const res = await portal(cookie, `/statement?from=${addDays(today, -30)}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const mine: Statement = res.json();
    expect(mine.customer.id).toBe(l.customerId);
    expect(mine.lines.map((x) => x.id)).not.toContain(theirs.id);
    expect(mine).toEqual(await api.statement(l.customerId, `?from=${addDays(today, -30)}&to=${today}`));
    expect((await ctx.app.inject({ url: `/api/portal/${org.slug}/statement` })).statusCode).toBe(401);
  });

  test("the PDF streams as a download whose text shows every line and the balances; it is audited", async () => {
    const from = addDays(today, -30);
    const res = await portal(cookie, `/statement/pdf?from=${from}&to=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="Portal_Ledger-EUR-.*\.pdf"$/);
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      "Statement Org",
      "Portal Ledger",
      "Account statement",
      "Opening balance",
      eur(-5_000),
      ...[l.i1, l.i2, l.creditNote].map((d) => d.number as string),
      l.p1.number,
      l.retainerPayment.number,
      eur(20_000),
      eur(30_000),
      eur(15_000),
      eur(3_000),
      eur(10_000),
      "Closing balance",
      eur(18_000),
      "Not yet due",
      eur(38_000),
      `Invoices due ${eur(38_000)} − credit available ${eur(20_000)} = balance ${eur(18_000)}`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain(l.retainer.number as string);
    const audit = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.customerId, l.customerId)),
    );
    const download = audit.find((a) => a.action === "document_downloaded");
    expect(download?.details).toEqual({ document: "statement", from, to: today, currency: "EUR" });
  });

  test("in Spanish the PDF speaks Spanish", async () => {
    const res = await ctx.app.inject({
      url: `/api/portal/${org.slug}/statement/pdf`,
      headers: { cookie, "accept-language": "es" },
    });
    const text = await pdfText(res.rawPayload);
    expect(text).toContain("Estado de cuenta");
    expect(text).toContain("Saldo final");
    expect(text).toContain(plain(formatMoney(18_000, "EUR", "es-ES")));
  });
});
