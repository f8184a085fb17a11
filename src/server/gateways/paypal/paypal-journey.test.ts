import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkoutSessions, emails, gatewayEvents, payments } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { testToday } from "../../test/dates.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../../test/factories.js";
import { type PayerOutcome, PaypalFake } from "../../test/fakes/paypal-fake.js";
import { merchant } from "../../test/fakes/paypal-fake-setup.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { contactSessionCookie } from "../../test/scenarios.js";
import { mismatchNotices } from "../mismatch-test-support.js";

/**
 * Issue 13's acceptance for PayPal, through Portico's own routes: the portal's checkout, the payer's
 * return (capture), the notification endpoint and the staff refund, against the fake PayPal.
 */
let fake: PaypalFake;
const ctx = {} as TestContext;
const org = {} as TestOrg;
const local = (url: string) => url.replace("https://portico.test", "");

beforeAll(async () => {
  fake = await PaypalFake.start([merchant]);
  Object.assign(ctx, await createTestContext({ PAYPAL_API_BASE: fake.url, GATEWAY_TIMEOUT_MS: "2000" }));
  Object.assign(org, await buildOrg(ctx, "PayPal Journey", { gateways: ["paypal"] }));
  const saved = await staff("PUT", "/api/payment-gateways/paypal/credentials", merchant);
  expect(saved.statusCode).toBe(200);
  expect(saved.body).not.toContain(merchant.clientSecret);
  await allowPaypal(true);
});
afterAll(async () => {
  await ctx.close?.();
  await fake?.close();
});

function staff(method: "GET" | "PUT" | "POST", url: string, payload?: object) {
  return ctx.app.inject({ method, url, payload, headers: { cookie: org.cookie } });
}

async function allowPaypal(on: boolean) {
  const current = (await staff("GET", "/api/portal-settings")).json();
  const res = await staff("PUT", "/api/portal-settings", {
    ...current,
    options: { ...current.options, allowPaypal: on },
  });
  expect(res.statusCode).toBe(200);
}

/** A customer with `count` issued invoices of 100.00 + tax each, and its contact's portal cookie. */
async function customerWithInvoices(count = 1, opts: { allowPartialPayments?: boolean } = {}) {
  const customer = await buildCustomer(ctx, org, `Payer ${Math.random().toString(36).slice(2, 7)}`);
  const invoices = [];
  for (let i = 0; i < count; i++)
    invoices.push(
      await buildInvoice(ctx, org, customer.id, {
        issue: true,
        ...opts,
        lines: [{ description: "Work", quantityMilli: 1000, unitPriceMinor: 10_000 }],
      }),
    );
  return { customer, invoices, cookie: await contactSessionCookie(ctx, org, customer, "link") };
}

/** "Pay now" (or "pay everything" without an invoice id) with PayPal: the answer and the order id. */
async function pay(cookie: string, invoiceId: string | null, extra: object = {}) {
  const res = await ctx.app.inject({
    method: "POST",
    url: invoiceId ? `/api/portal/${org.slug}/invoices/${invoiceId}/pay` : `/api/portal/${org.slug}/pay-all`,
    headers: { cookie },
    payload: { idempotencyKey: `k-${Math.random().toString(36).slice(2)}`, gateway: "paypal", ...extra },
  });
  const url = res.statusCode === 200 ? new URL(res.json().checkoutUrl) : null;
  return { res, orderId: url?.searchParams.get("token") ?? "" };
}

/** The payer approves on PayPal's page and PayPal sends the browser back to Portico: where it lands. */
async function approveAndReturn(orderId: string, outcome: PayerOutcome = "approve"): Promise<string> {
  if (outcome === "approve") {
    const page = await fetch(`${fake.url}/checkoutnow`, {
      method: "POST",
      body: new URLSearchParams({ token: orderId, action: "approve" }),
      redirect: "manual",
    });
    return follow(String(page.headers.get("location")));
  }
  fake.approve(orderId, outcome);
  return follow(`${fake.order(orderId).returnUrl}?token=${orderId}&PayerID=FAKEPAYER01`);
}

async function follow(returnUrl: string): Promise<string> {
  const back = await ctx.app.inject({ method: "GET", url: local(returnUrl) });
  expect(back.statusCode).toBe(303);
  return String(back.headers.location);
}

/** Posts a signed webhook to the organisation's notification endpoint, as PayPal does. */
async function deliver(event: object, opts: { tamper?: boolean } = {}) {
  const { rawBody, headers } = fake.sign(event, merchant, opts);
  return ctx.app.inject({
    method: "POST",
    url: `/api/gateways/paypal/notify/${org.orgId}`,
    headers,
    payload: rawBody,
  });
}

const paymentsOf = (customerId: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(payments).where(eq(payments.customerId, customerId)),
  );
const checkoutOf = async (orderId: string) =>
  (
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(checkoutSessions).where(eq(checkoutSessions.providerRef, orderId)),
    )
  )[0];
const invoiceStatus = async (id: string) => (await staff("GET", `/api/invoices/${id}`)).json().status;

describe("paying with PayPal through the portal", () => {
  test("a full payment: PayPal's page, the return captures, one payment; the webhook 3× adds nothing", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const invoice = invoices[0] as (typeof invoices)[number];
    const { res, orderId } = await pay(cookie, invoice.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().checkoutUrl).toBe(`${fake.url}/checkoutnow?token=${orderId}`);
    expect(fake.order(orderId)).toMatchObject({
      value: (invoice.totalMinor / 100).toFixed(2),
      currency: "EUR",
    });

    expect(await approveAndReturn(orderId)).toBe(`/p/${org.slug}/invoices/${invoice.id}?payment=succeeded`);
    const [payment] = await paymentsOf(customer.id);
    const captureId = fake.order(orderId).captureId;
    expect(payment).toMatchObject({
      amountMinor: invoice.totalMinor,
      gateway: "paypal",
      gatewayReference: captureId,
    });
    expect(await invoiceStatus(invoice.id)).toBe("paid");

    const completed = fake.captureEvent(captureId as string);
    const replies = [await deliver(completed), await deliver(completed), await deliver(completed)];
    expect(replies.map((r) => r.json().duplicate)).toEqual([false, true, true]);
    expect(await paymentsOf(customer.id)).toHaveLength(1);
    // The payer reloading the return page captures nothing more.
    expect(await follow(`${fake.order(orderId).returnUrl}?token=${orderId}`)).toContain("payment=succeeded");
    expect(await paymentsOf(customer.id)).toHaveLength(1);
  });

  test("a partial payment, then everything outstanding in one checkout", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices(2, { allowPartialPayments: true });
    const [first, second] = invoices as [(typeof invoices)[number], (typeof invoices)[number]];
    const part = await pay(cookie, first.id, { amountMinor: 4_000 });
    expect(fake.order(part.orderId).value).toBe("40.00");
    await approveAndReturn(part.orderId);
    expect(await invoiceStatus(first.id)).toBe("partially_paid");

    const all = await pay(cookie, null);
    expect(fake.order(all.orderId).value).toBe(
      ((first.totalMinor - 4_000 + second.totalMinor) / 100).toFixed(2),
    );
    expect(await approveAndReturn(all.orderId)).toMatch(
      new RegExp(`^/p/${org.slug}/payments/[0-9a-f-]{36}\\?payment=succeeded$`),
    );
    expect((await paymentsOf(customer.id)).map((p) => p.amountMinor).sort((a, b) => a - b)).toEqual(
      [4_000, first.totalMinor - 4_000 + second.totalMinor].sort((a, b) => a - b),
    );
    expect([await invoiceStatus(first.id), await invoiceStatus(second.id)]).toEqual(["paid", "paid"]);
  });

  test("a declined capture (COMPLETED order, DECLINED capture) records nothing", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    expect(await approveAndReturn(orderId, "capture-declined")).toContain("payment=failed");
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect((await checkoutOf(orderId))?.status).toBe("failed");
  });

  test("a declined card sends the payer back to PayPal (payer action), and the second try pays", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    expect(await approveAndReturn(orderId, "instrument-declined")).toBe(
      `${fake.url}/checkoutnow?token=${orderId}`,
    );
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect(await approveAndReturn(orderId)).toContain("payment=succeeded");
    expect(await paymentsOf(customer.id)).toHaveLength(1);
  });

  test("out of order: a PENDING capture is processing; COMPLETED pays once, a late PENDING or DENIED changes nothing", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    expect(await approveAndReturn(orderId, "pending")).toContain("payment=processing");
    expect((await checkoutOf(orderId))?.status).toBe("processing");
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    const captureId = fake.order(orderId).captureId as string;
    const completed = fake.captureEvent(captureId, "PAYMENT.CAPTURE.COMPLETED");
    const pending = fake.captureEvent(captureId, "PAYMENT.CAPTURE.PENDING");
    expect((await deliver(completed)).statusCode).toBe(200);
    expect((await deliver(pending)).statusCode).toBe(200);
    expect((await deliver(fake.captureEvent(captureId, "PAYMENT.CAPTURE.DENIED"))).statusCode).toBe(200);
    expect(await paymentsOf(customer.id)).toHaveLength(1);
    expect((await checkoutOf(orderId))?.status).toBe("succeeded");
  });

  test("a capture webhook whose amount or currency is not the checkout's is kept, not applied; staff told once", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    expect(await approveAndReturn(orderId, "pending")).toContain("payment=processing");
    const captureId = fake.order(orderId).captureId as string;
    const capture = fake.captures.get(captureId);
    if (!capture) throw new Error("no capture");
    const asked = capture.value;
    capture.value = "120.00";
    expect((await deliver(fake.captureEvent(captureId))).json()).toEqual({
      received: true,
      duplicate: false,
    });
    Object.assign(capture, { value: asked, currency: "USD" });
    expect((await deliver(fake.captureEvent(captureId))).json()).toEqual({
      received: true,
      duplicate: false,
    });
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect((await checkoutOf(orderId))?.status).toBe("processing");
    const notices = (await mismatchNotices(ctx, org)).filter((n) => n.reference === captureId);
    expect(notices).toEqual([
      expect.objectContaining({
        gateway: "paypal",
        customerName: customer.name,
        amountMinor: 12_000,
        currency: "EUR",
        expectedMinor: invoices[0]?.totalMinor,
        expectedCurrency: "EUR",
      }),
    ]);
  });

  test("a tampered webhook is refused (400) and changes nothing", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    await approveAndReturn(orderId, "pending");
    const event = fake.captureEvent(fake.order(orderId).captureId as string) as { id: string };
    const res = await deliver(event, { tamper: true });
    expect([res.statusCode, res.json().code]).toEqual([400, "PAYMENT_SIGNATURE_INVALID"]);
    const stored = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(gatewayEvents)
        .where(and(eq(gatewayEvents.orgId, org.orgId), eq(gatewayEvents.eventId, event.id))),
    );
    expect(stored).toHaveLength(0);
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect((await checkoutOf(orderId))?.status).toBe("processing");
  });

  test("PayPal down: a clear error at the start, a failed return, and nothing recorded", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    fake.down = true;
    const started = await pay(cookie, invoices[0]?.id as string);
    fake.down = false;
    expect([started.res.statusCode, started.res.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);

    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    fake.approve(orderId);
    fake.down = true;
    const back = await follow(`${fake.order(orderId).returnUrl}?token=${orderId}`);
    fake.down = false;
    expect(back).toContain("payment=failed");
    expect(fake.order(orderId).status).toBe("APPROVED");
    expect(await paymentsOf(customer.id)).toHaveLength(0);
    expect((await checkoutOf(orderId))?.status).toBe("open");
  });

  test('with "Allow PayPal" off the portal neither offers nor accepts a PayPal checkout (C4)', async () => {
    const { invoices, cookie } = await customerWithInvoices();
    const invoiceId = invoices[0]?.id as string;
    await allowPaypal(false);
    const detail = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${invoiceId}`,
      headers: { cookie },
    });
    const { res } = await pay(cookie, invoiceId);
    await allowPaypal(true);
    expect(detail.json()).toMatchObject({ canPay: false, gateways: [] });
    expect([res.statusCode, res.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
  });
});

describe("refunds from the back office", () => {
  const refund = (paymentId: string, amountMinor: number, expectedRefundedMinor: number) =>
    staff("POST", `/api/payments/${paymentId}/refunds`, {
      amountMinor,
      method: "other",
      refundedOn: testToday(),
      expectedRefundedMinor,
    });

  test("partial, then the rest; two at once never refund more than was paid", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    await approveAndReturn(orderId);
    const [payment] = await paymentsOf(customer.id);
    if (!payment) throw new Error("no payment");
    const captureId = payment.gatewayReference as string;

    expect((await refund(payment.id, 3_000, 0)).statusCode).toBe(200);
    expect(fake.captures.get(captureId)?.refundedMinor).toBe(3_000);
    const rest = payment.amountMinor - 3_000;
    const both = await Promise.all([refund(payment.id, rest, 3_000), refund(payment.id, rest, 3_000)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(fake.captures.get(captureId)).toMatchObject({
      refundedMinor: payment.amountMinor,
      status: "REFUNDED",
    });
    expect((await refund(payment.id, 1, payment.amountMinor)).statusCode).toBeGreaterThanOrEqual(400);
    expect(await invoiceStatus(invoices[0]?.id as string)).not.toBe("paid");

    // PayPal's own PAYMENT.CAPTURE.REFUNDED for Portico's refunds changes nothing more.
    const refundEvents = fake.events.filter(
      (e) => (e as { event_type: string }).event_type === "PAYMENT.CAPTURE.REFUNDED",
    );
    for (const e of refundEvents.slice(-2)) expect((await deliver(e)).statusCode).toBe(200);
    expect(fake.captures.get(captureId)?.refundedMinor).toBe(payment.amountMinor);
  });

  test("a dispute marks the payment disputed and tells staff once, in the bell and by email (C5)", async () => {
    const { customer, invoices, cookie } = await customerWithInvoices();
    const { orderId } = await pay(cookie, invoices[0]?.id as string);
    await approveAndReturn(orderId);
    const dispute = fake.disputeEvent(fake.order(orderId).captureId as string);
    expect((await deliver(dispute)).statusCode).toBe(200);
    expect((await deliver(dispute)).statusCode).toBe(200);
    const [payment] = await paymentsOf(customer.id);
    expect(payment?.disputedAt).not.toBeNull();
    const told = (await staff("GET", "/api/notifications")).json().items as { type: string; data: object }[];
    const disputes = told.filter((n) => n.type === "payment_disputed");
    expect(disputes).toHaveLength(1);
    expect(disputes[0]?.data).toMatchObject({ paymentId: payment?.id, customerName: customer.name });
    const mail = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select({ subject: emails.subject }).from(emails).where(eq(emails.kind, "staff_notification")),
    );
    expect(
      mail.filter((m) => m.subject.includes(`${customer.name} `) && /disput/.test(m.subject)),
    ).toHaveLength(1);
  });
});
