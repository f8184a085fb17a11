import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  InvoiceDetail,
  PortalPaymentDetail,
  PortalPaymentSummary,
} from "../../../shared/contracts/index.js";
import { checkoutSessions } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday } from "../../test/dates.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { completeCheckout, contactCookieFor, issuedInvoice, staffGet } from "./test-support.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Pay Flows Org");
});
afterAll(() => ctx.close());

const portal = (cookie: string, path: string) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie } });
const post = (cookie: string, path: string, payload: object) =>
  ctx.app.inject({ method: "POST", url: `/api/portal/${org.slug}${path}`, headers: { cookie }, payload });
const invoiceOf = async (id: string): Promise<InvoiceDetail> =>
  (await staffGet(ctx, org, `/api/invoices/${id}`)).json();

describe("paying part of an invoice (F2, A5)", () => {
  let invoice: InvoiceDetail;
  let cookie: string;

  beforeAll(async () => {
    const customer = await buildCustomer(ctx, org, "Part Payer");
    invoice = await issuedInvoice(ctx, org, customer.id, { allowPartialPayments: true });
    cookie = await contactCookieFor(ctx, org, invoice);
  });

  test("refuses more than is due, and less than the gateway's minimum", async () => {
    const over = await post(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "part-over-1",
      amountMinor: 24201,
    });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: "ALLOCATION_EXCEEDS_DUE" });
    expect(over.json().errors).toEqual([expect.objectContaining({ field: "body.amountMinor" })]);
    const tiny = await post(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "part-tiny-1",
      amountMinor: 49,
    });
    expect(tiny.statusCode).toBe(422);
    expect(tiny.json().code).toBe("CP4001");
    const zero = await post(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "part-zero-1",
      amountMinor: 0,
    });
    expect(zero.statusCode).toBe(400);
  });

  test("a part paid through the sandbox gateway leaves the invoice partially paid, with a receipt", async () => {
    const res = await post(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "part-pay-01",
      amountMinor: 10000,
    });
    expect(res.statusCode).toBe(200);
    const landed = await completeCheckout(ctx, res.json().checkoutUrl, cookie);
    expect(landed).toBe(`/p/${org.slug}/invoices/${invoice.id}?payment=succeeded`);

    expect(await invoiceOf(invoice.id)).toMatchObject({
      status: "partially_paid",
      paidMinor: 10000,
      dueMinor: 14200,
    });
    const payments: PortalPaymentSummary[] = (await portal(cookie, "/payments")).json();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amountMinor: 10000,
      method: "gateway",
      gateway: "sandbox",
      paidInvoices: true,
    });
    const detail: PortalPaymentDetail = (await portal(cookie, `/payments/${payments[0]?.id}`)).json();
    expect(detail.gatewayReference).toMatch(/^sbx_/);
    expect(detail.allocations).toEqual([
      expect.objectContaining({ invoiceId: invoice.id, invoiceNumber: invoice.number, amountMinor: 10000 }),
    ]);
  });

  test("the rest can then be paid in full", async () => {
    const res = await post(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "part-rest-01" });
    expect(res.statusCode).toBe(200);
    await completeCheckout(ctx, res.json().checkoutUrl, cookie);
    expect(await invoiceOf(invoice.id)).toMatchObject({ status: "paid", dueMinor: 0 });
    expect((await portal(cookie, "/payments")).json()).toHaveLength(2);
  });

  test("is refused when the invoice does not allow partial payments", async () => {
    const customer = await buildCustomer(ctx, org, "Whole Payer");
    const whole = await issuedInvoice(ctx, org, customer.id);
    const wholeCookie = await contactCookieFor(ctx, org, whole);
    const res = await post(wholeCookie, `/invoices/${whole.id}/pay`, {
      idempotencyKey: "whole-part-1",
      amountMinor: 10000,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("PARTIAL_PAYMENT_NOT_ALLOWED");
    expect(await invoiceOf(whole.id)).toMatchObject({ paidMinor: 0 });
    expect((await portal(wholeCookie, "/payments")).json()).toEqual([]);
  });
});

describe("paying everything at once (F2)", () => {
  test("one payment is allocated across the open invoices, oldest due first, and lands on its receipt", async () => {
    const customer = await buildCustomer(ctx, org, "All Payer");
    const later = await issuedInvoice(ctx, org, customer.id, { dueDate: daysFromToday(40) });
    const oldest = await issuedInvoice(ctx, org, customer.id, {
      dueDate: daysFromToday(20),
      lines: [{ description: "Design", quantityMilli: 1000, unitPriceMinor: 5000 }],
    });
    const middle = await issuedInvoice(ctx, org, customer.id, {
      dueDate: daysFromToday(30),
      lines: [{ description: "Hosting", quantityMilli: 3000, unitPriceMinor: 1000 }],
    });
    const cookie = await contactCookieFor(ctx, org, later);
    const res = await post(cookie, "/pay-all", { idempotencyKey: "pay-all-0001" });
    expect(res.statusCode).toBe(200);
    const checkoutId = String(res.json().checkoutUrl).split("/").pop() as string;
    const [checkout] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, checkoutId)),
    );
    expect(checkout?.allocations.map((a) => a.invoiceId)).toEqual([oldest.id, middle.id, later.id]);

    const landed = await completeCheckout(ctx, res.json().checkoutUrl, cookie);
    const match = new RegExp(`^/p/${org.slug}/payments/([0-9a-f-]{36})\\?payment=succeeded$`).exec(landed);
    expect(match).not.toBeNull();
    const receipt: PortalPaymentDetail = (await portal(cookie, `/payments/${match?.[1]}`)).json();
    const total = later.totalMinor + oldest.totalMinor + middle.totalMinor;
    expect(receipt).toMatchObject({ amountMinor: total, allocatedMinor: total, unappliedMinor: 0 });
    expect(new Map(receipt.allocations.map((a) => [a.invoiceId, a.amountMinor]))).toEqual(
      new Map([
        [oldest.id, oldest.totalMinor],
        [middle.id, middle.totalMinor],
        [later.id, later.totalMinor],
      ]),
    );
    for (const inv of [later, oldest, middle]) expect((await invoiceOf(inv.id)).status).toBe("paid");
    expect((await portal(cookie, "/payments")).json()).toHaveLength(1);
  });
});
