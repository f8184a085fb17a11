import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, test } from "vitest";
import type {
  InvoiceDetail,
  PaymentDetail,
  PortalPaymentDetail,
  PortalPaymentSummary,
} from "../../../shared/contracts/index.js";
import { yearOf } from "../../../shared/dates.js";
import { auditEvents } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday } from "../../test/dates.js";
import { buildCustomer, type TestOrg } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { contactCookieFor, issuedInvoice, recordPayment, staffGet, staffPost } from "./test-support.js";

const { ctx, org, otherOrg: other } = setUpTestApp("Receipts Org", "Other Org");
let invoice: InvoiceDetail;
let cookie: string;
/** The contact's customer's payments: 100 € transfer, 50 € cheque (both to the invoice), 300 € cash unapplied. */
let transfer: PaymentDetail;
let cheque: PaymentDetail;
let cash: PaymentDetail;
let neighbours: PaymentDetail;
let foreign: PaymentDetail;

/** A cash payment of the customer, applied to nothing, `days` from today. */
const unappliedCash = (o: TestOrg, customerId: string, amountMinor: number, days: number) =>
  recordPayment(ctx, o, { customerId, amountMinor, method: "cash", paidOn: daysFromToday(days) });

beforeAll(async () => {
  const customer = await buildCustomer(ctx, org, "Paying Customer");
  invoice = await issuedInvoice(ctx, org, customer.id);
  cookie = await contactCookieFor(ctx, org, invoice);
  transfer = await recordPayment(ctx, org, {
    customerId: customer.id,
    amountMinor: 10000,
    method: "transfer",
    paidOn: daysFromToday(-12),
    reference: "TRF-778",
    notes: "Staff only: called twice about this one",
    allocations: [{ invoiceId: invoice.id, amountMinor: 10000 }],
  });
  cheque = await recordPayment(ctx, org, {
    customerId: customer.id,
    amountMinor: 5000,
    method: "cheque",
    paidOn: daysFromToday(-8),
    allocations: [{ invoiceId: invoice.id, amountMinor: 5000 }],
  });
  cash = await unappliedCash(org, customer.id, 30000, -3);
  neighbours = await unappliedCash(org, (await buildCustomer(ctx, org, "Neighbour")).id, 7000, -11);
  foreign = await unappliedCash(other, (await buildCustomer(ctx, other, "Stranger")).id, 8000, -10);
});

const portal = (path: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie, ...headers } });
const list = async (query = ""): Promise<PortalPaymentSummary[]> => {
  const res = await portal(`/payments${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const pdfText = async (payload: Buffer) => (await new PDFParse({ data: payload }).getText()).text;

describe("payments made in the portal (E6)", () => {
  test("the contact sees only its customer's payments, newest first", async () => {
    const rows = await list();
    expect(rows.map((r) => r.id)).toEqual([cash.id, cheque.id, transfer.id]);
    expect(rows[0]).toMatchObject({
      number: cash.number,
      amountMinor: 30000,
      method: "cash",
      unappliedMinor: 30000,
    });
    expect(rows[0]).not.toHaveProperty("customerId");
    expect(rows[0]).not.toHaveProperty("notes");
    expect(rows.map((r) => r.id)).not.toContain(neighbours.id);
    expect(rows.map((r) => r.id)).not.toContain(foreign.id);
  });

  test("filters to invoice payments and sorts by date or amount, either way", async () => {
    expect((await list("?filter=invoice")).map((r) => r.id)).toEqual([cheque.id, transfer.id]);
    expect((await list("?sort=amount&dir=asc")).map((r) => r.id)).toEqual([cheque.id, transfer.id, cash.id]);
    expect((await list("?sort=amount")).map((r) => r.id)).toEqual([cash.id, transfer.id, cheque.id]);
    expect((await list("?sort=date&dir=asc")).map((r) => r.id)).toEqual([transfer.id, cheque.id, cash.id]);
    expect((await list("?filter=invoice&sort=amount&dir=asc")).map((r) => r.id)).toEqual([
      cheque.id,
      transfer.id,
    ]);
    expect((await portal("/payments?sort=customer")).statusCode).toBe(400);
  });

  test("another customer's or organisation's payment answers 404, like a missing one", async () => {
    for (const id of [neighbours.id, foreign.id, "00000000-0000-4000-8000-000000000000"]) {
      expect((await portal(`/payments/${id}`)).statusCode).toBe(404);
      expect((await portal(`/payments/${id}/pdf`)).statusCode).toBe(404);
    }
  });

  test("without a contact session the payments are not readable", async () => {
    const res = await ctx.app.inject({ url: `/api/portal/${org.slug}/payments` });
    expect(res.statusCode).toBe(401);
  });

  test("the receipt shows the invoices it paid and its refunds, without staff notes", async () => {
    const refundedOn = daysFromToday(-1);
    await staffPost(ctx, org, `/api/payments/${transfer.id}/refunds`, {
      amountMinor: 2500,
      method: "transfer",
      refundedOn,
      reference: "REF-1",
      notes: "Staff only: goodwill gesture",
      expectedRefundedMinor: 0,
    });
    const res = await portal(`/payments/${transfer.id}`);
    expect(res.statusCode).toBe(200);
    const detail: PortalPaymentDetail = res.json();
    expect(detail).toMatchObject({
      number: transfer.number,
      amountMinor: 10000,
      method: "transfer",
      reference: "TRF-778",
      gatewayReference: null,
      refundedMinor: 2500,
      unappliedMinor: 0,
      paidInvoices: true,
    });
    // The refund took 25 € back off the invoice: the receipt shows the net 75 € that stayed.
    expect(detail.allocations).toEqual([
      expect.objectContaining({ invoiceId: invoice.id, invoiceNumber: invoice.number, amountMinor: 7500 }),
    ]);
    expect(detail.refunds).toEqual([
      expect.objectContaining({ amountMinor: 2500, refundedOn, reference: "REF-1" }),
    ]);
    expect(res.body).not.toContain("Staff only");
    expect(detail).not.toHaveProperty("notes");
    expect(detail).not.toHaveProperty("refundableMinor");
  });

  test("the receipt PDF shows the number, the amount and the invoices paid, in en and es", async () => {
    const res = await portal(`/payments/${cheque.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${cheque.number}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(cheque.number).toMatch(new RegExp(`^RC${yearOf(cheque.paidOn)}-\\d{4}$`));
    expect(text).toContain("Receipt");
    expect(text).toContain(cheque.number);
    expect(text).toContain("€50.00");
    expect(text).toContain("Cheque");
    expect(text).toContain("Invoices paid");
    expect(text).toContain(invoice.number as string);
    expect(text).toContain("Paying Customer");
    expect(text).toContain("Receipts Org");

    const es = await pdfText(
      (await portal(`/payments/${transfer.id}/pdf`, { "accept-language": "es" })).rawPayload,
    );
    expect(es).toContain("Recibo");
    expect(es).toContain(transfer.number);
    expect(es).toContain("100,00 €");
    expect(es).toContain("Transferencia bancaria");
    expect(es).toContain("TRF-778");
    expect(es).toContain("Devoluciones");
    expect(es).toContain("25,00 €");
    expect(es).not.toContain("Staff only");
  });

  test("an unapplied payment's receipt says it stays as credit", async () => {
    const text = await pdfText((await portal(`/payments/${cash.id}/pdf`)).rawPayload);
    expect(text).toContain("€300.00");
    expect(text).toContain("not been applied to any invoice");
    expect(text).toMatch(/Unapplied[\s\S]*€300\.00|€300\.00[\s\S]*Unapplied/);
  });

  test("a download is in the audit trail", async () => {
    const events = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.documentId, cheque.id), eq(auditEvents.action, "document_downloaded"))),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ documentType: "payment", details: { number: cheque.number } });
  });

  test("staff download any receipt of their organisation, never another's", async () => {
    const res = await staffGet(ctx, org, `/api/payments/${neighbours.id}/pdf`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(neighbours.number);
    expect(text).toContain("Neighbour");
    expect((await staffGet(ctx, org, `/api/payments/${foreign.id}/pdf`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `/api/payments/${neighbours.id}/pdf` })).statusCode).toBe(401);
  });
});
