import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import { today } from "../../clock.js";
import { checkoutSessions, payments } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { TestOrg } from "../../test/factories.js";
import { buildCustomer, buildInvoice, buildOrg, openLink, sendInvoiceLinks } from "../../test/factories.js";
import { type StripeFake, startStripeFake } from "../../test/fakes/stripe-fake.js";
import type { PayOutcome } from "../../test/fakes/stripe-fake-state.js";
import { field, listField } from "../../test/fakes/stripe-form.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { mismatchNotices } from "../mismatch-test-support.js";

/**
 * Issue 13, Stripe through Portico's routes: the portal's Pay now → the Stripe fake's Checkout Session →
 * the payer on Stripe's page → Stripe's signed notification → one payment; refunds from the back office.
 * One app, one database and one fake for the whole file.
 */
let fake: StripeFake;
let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  fake = await startStripeFake();
  ctx = await createTestContext({ STRIPE_API_BASE: fake.baseUrl, GATEWAY_TIMEOUT_MS: "1000" });
  org = await buildOrg(ctx, "Stripe Journey", { gateways: ["stripe"] });
  const saved = await ctx.app.inject({
    method: "PUT",
    url: "/api/payment-gateways/stripe/credentials",
    headers: { cookie: org.cookie },
    payload: { secretKey: fake.secretKey, webhookSecret: fake.webhookSecret },
  });
  expect(saved.statusCode).toBe(200);
  expect(saved.body).not.toContain(fake.secretKey);
});
afterAll(async () => {
  await ctx?.close();
  await fake?.close();
});

async function customerWith(name: string, unitPrices: number[], opts: { mayPayByBank?: boolean } = {}) {
  const contact = { name: `${name} Contact`, email: `${crypto.randomUUID()}@example.com`, isPrimary: true };
  const customer = await buildCustomer(ctx, org, name, [contact], {
    mayPayByBank: opts.mayPayByBank ?? false,
  });
  const invoices: InvoiceDetail[] = [];
  for (const unitPriceMinor of unitPrices)
    invoices.push(
      await buildInvoice(ctx, org, customer.id, {
        issue: true,
        allowPartialPayments: true,
        lines: [{ description: "Work", quantityMilli: 1000, unitPriceMinor }],
      }),
    );
  const email = customer.contacts[0]?.email as string;
  const link = (await sendInvoiceLinks(ctx, org, invoices[0]?.id as string)).get(email) as string;
  const { cookie } = await openLink(ctx, link);
  return { customer, invoices, cookie };
}

const payBody = (body: Record<string, unknown> = {}) => ({ idempotencyKey: crypto.randomUUID(), ...body });
const payInvoice = (cookie: string, invoiceId: string, body: Record<string, unknown> = {}) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${invoiceId}/pay`,
    headers: { cookie },
    payload: payBody(body),
  });
const payAll = (cookie: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/pay-all`,
    headers: { cookie },
    payload: payBody(),
  });

/** The Checkout Session behind a portal answer, and what the payer then does on Stripe's page. */
function onStripePage(checkoutUrl: string, outcome: PayOutcome) {
  const sessionId = checkoutUrl.split("/").pop() as string;
  return fake.state.pay(sessionId, outcome);
}

/** Stripe's POST of a signed event to the organisation's notification endpoint. */
function notify(evt: ReturnType<StripeFake["event"]>, opts: Parameters<StripeFake["signed"]>[1] = {}) {
  const { rawBody, headers } = fake.signed(evt, opts);
  return ctx.app.inject({
    method: "POST",
    url: `/api/gateways/stripe/notify/${org.orgId}`,
    headers,
    payload: rawBody,
  });
}

const invoice = async (id: string): Promise<InvoiceDetail> =>
  (await ctx.app.inject({ url: `/api/invoices/${id}`, headers: { cookie: org.cookie } })).json();
const paymentsOf = (customerId: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, org.orgId), eq(payments.customerId, customerId))),
  );
const checkoutsOf = (customerId: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(checkoutSessions).where(eq(checkoutSessions.customerId, customerId)),
  );

describe("Stripe checkout through the portal", () => {
  it("pays an invoice in full: replayed three times and with its twin event, one payment", async () => {
    const { customer, invoices, cookie } = await customerWith("Full Payer", [10_000]);
    const inv = invoices[0] as InvoiceDetail;
    const started = await payInvoice(cookie, inv.id);
    expect(started.statusCode).toBe(200);
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(field(call?.body, "line_items", 0, "price_data", "unit_amount")).toBe(String(inv.totalMinor));
    expect(field(call?.body, "metadata", "invoice_ids")).toBe(inv.id);
    expect(listField(call?.body, "allowed_payment_method_types")).toEqual(["card"]);

    const { session, intent } = onStripePage(started.json().checkoutUrl, {
      method: "card",
      result: "succeeded",
    });
    const completed = fake.event("checkout.session.completed", session);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await notify(completed));
    answers.push(await notify(fake.event("payment_intent.succeeded", intent)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.json().duplicate)).toEqual([false, true, true, false]);
    const recorded = await paymentsOf(customer.id);
    expect(recorded.map((p) => [p.amountMinor, p.gatewayReference])).toEqual([[inv.totalMinor, intent.id]]);
    expect(await invoice(inv.id)).toMatchObject({ status: "paid", paidMinor: inv.totalMinor });
  });

  it("an event whose amount or currency is not the checkout's is kept, not applied; staff told once", async () => {
    const { customer, invoices, cookie } = await customerWith("Odd Amount", [10_000, 10_000]);
    const [first, second] = invoices as [InvoiceDetail, InvoiceDetail];
    const odd = onStripePage((await payInvoice(cookie, first.id)).json().checkoutUrl, {
      method: "card",
      result: "succeeded",
    });
    odd.intent.amount = first.totalMinor - 100;
    const answers = [
      await notify(fake.event("checkout.session.completed", odd.session)),
      await notify(fake.event("payment_intent.succeeded", odd.intent)),
    ];
    const other = onStripePage((await payInvoice(cookie, second.id)).json().checkoutUrl, {
      method: "card",
      result: "succeeded",
    });
    other.intent.currency = "usd";
    answers.push(await notify(fake.event("checkout.session.completed", other.session)));
    // Delivered (2xx, so Stripe stops retrying) and kept as received, but nothing is paid.
    expect(answers.map((a) => [a.statusCode, a.json().duplicate])).toEqual([
      [200, false],
      [200, false],
      [200, false],
    ]);
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect((await checkoutsOf(customer.id)).map((c) => c.status)).toEqual(["open", "open"]);
    expect((await invoice(first.id)).paidMinor).toBe(0);
    const notices = (await mismatchNotices(ctx, org)).filter((n) => n.customerName === "Odd Amount");
    expect(notices).toHaveLength(2);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reference: other.intent.id,
          amountMinor: second.totalMinor,
          currency: "USD",
          expectedMinor: second.totalMinor,
          expectedCurrency: "EUR",
          number: second.number,
        }),
        expect.objectContaining({
          reference: odd.intent.id,
          amountMinor: first.totalMinor - 100,
          currency: "EUR",
          expectedMinor: first.totalMinor,
          gateway: "stripe",
        }),
      ]),
    );
  });

  it("pays part of an invoice, then everything open in one checkout", async () => {
    const { customer, invoices, cookie } = await customerWith("Part Payer", [10_000, 5_000]);
    const [first, second] = invoices as [InvoiceDetail, InvoiceDetail];
    const part = await payInvoice(cookie, first.id, { amountMinor: 2_500 });
    const paid = onStripePage(part.json().checkoutUrl, { method: "card", result: "succeeded" });
    expect((await notify(fake.event("checkout.session.completed", paid.session))).statusCode).toBe(200);
    expect(await invoice(first.id)).toMatchObject({ paidMinor: 2_500 });

    const all = await payAll(cookie);
    expect(all.statusCode).toBe(200);
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    const owed = first.totalMinor - 2_500 + second.totalMinor;
    expect(field(call?.body, "line_items", 0, "price_data", "unit_amount")).toBe(String(owed));
    const everything = onStripePage(all.json().checkoutUrl, { method: "card", result: "succeeded" });
    expect((await notify(fake.event("checkout.session.completed", everything.session))).statusCode).toBe(200);
    expect((await paymentsOf(customer.id)).map((p) => p.amountMinor).sort()).toEqual([2_500, owed].sort());
    expect(await invoice(first.id)).toMatchObject({ status: "paid" });
    expect(await invoice(second.id)).toMatchObject({ status: "paid" });
  });

  it("SEPA: settled before its stale 'processing' arrives, it is one payment and stays paid", async () => {
    const { customer, invoices, cookie } = await customerWith("Bank Payer", [8_000], { mayPayByBank: true });
    const inv = invoices[0] as InvoiceDetail;
    const started = await payInvoice(cookie, inv.id);
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(listField(call?.body, "allowed_payment_method_types")).toEqual(["card", "sepa_debit"]);
    const { session, intent } = onStripePage(started.json().checkoutUrl, {
      method: "sepa_debit",
      result: "processing",
    });
    const completed = fake.event("checkout.session.completed", session);
    const processing = fake.event("payment_intent.processing", intent);
    fake.state.settle(intent.id, "succeeded");
    const settled = fake.event("checkout.session.async_payment_succeeded", session);
    for (const evt of [settled, completed, processing, settled])
      expect((await notify(evt)).statusCode).toBe(200);
    expect((await paymentsOf(customer.id)).map((p) => p.gatewayReference)).toEqual([intent.id]);
    expect(await invoice(inv.id)).toMatchObject({ status: "paid", paidMinor: inv.totalMinor });
  });

  it("SEPA in flight: both invoice lists say 'payment processing' until the bank settles", async () => {
    const { customer, invoices, cookie } = await customerWith("Slow Bank", [8_000, 2_000], {
      mayPayByBank: true,
    });
    const [inv, other] = invoices as [InvoiceDetail, InvoiceDetail];
    const started = await payInvoice(cookie, inv.id);
    const { session, intent } = onStripePage(started.json().checkoutUrl, {
      method: "sepa_debit",
      result: "processing",
    });
    const lists = async () => {
      const staff = await ctx.app.inject({
        url: `/api/invoices?customerId=${customer.id}`,
        headers: { cookie: org.cookie },
      });
      const portal = await ctx.app.inject({ url: `/api/portal/${org.slug}/invoices`, headers: { cookie } });
      const flags = (items: { id: string; paymentProcessing: boolean }[]) =>
        [inv.id, other.id].map((id) => items.find((i) => i.id === id)?.paymentProcessing);
      return { staff: flags(staff.json().items), portal: flags(portal.json().items) };
    };
    expect(await lists()).toEqual({ staff: [false, false], portal: [false, false] });
    expect((await notify(fake.event("checkout.session.completed", session))).statusCode).toBe(200);
    expect(await lists()).toEqual({ staff: [true, false], portal: [true, false] });
    fake.state.settle(intent.id, "succeeded");
    expect((await notify(fake.event("checkout.session.async_payment_succeeded", session))).statusCode).toBe(
      200,
    );
    expect(await lists()).toEqual({ staff: [false, false], portal: [false, false] });
  });

  it("a tampered notification is 400 and changes nothing", async () => {
    const { customer, invoices, cookie } = await customerWith("Tampered", [3_000]);
    const started = await payInvoice(cookie, (invoices[0] as InvoiceDetail).id);
    const { session } = onStripePage(started.json().checkoutUrl, { method: "card", result: "succeeded" });
    const evt = fake.event("checkout.session.completed", session);
    for (const opts of [{ tamper: true }, { secret: "whsec_someoneElse0000001" }]) {
      const res = await notify(evt, opts);
      expect([res.statusCode, res.json().code]).toEqual([400, "PAYMENT_SIGNATURE_INVALID"]);
    }
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect((await checkoutsOf(customer.id)).map((c) => c.status)).toEqual(["open"]);
    // The genuine one, later, still counts: the refused ones were not remembered as seen.
    expect((await notify(evt)).json()).toEqual({ received: true, duplicate: false });
    expect(await paymentsOf(customer.id)).toHaveLength(1);
  });

  it("Stripe down: a clear GATEWAY_UNAVAILABLE, the checkout failed, nothing recorded", async () => {
    const { customer, invoices, cookie } = await customerWith("Down Payer", [4_000]);
    fake.setOutage({ kind: "error", status: 503 });
    const res = await payInvoice(cookie, (invoices[0] as InvoiceDetail).id).finally(() =>
      fake.setOutage(null),
    );
    expect([res.statusCode, res.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
    expect(res.body).not.toContain(fake.secretKey);
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect((await checkoutsOf(customer.id)).map((c) => [c.status, c.failureCode])).toEqual([
      ["failed", "GATEWAY_UNAVAILABLE"],
    ]);
    expect(await invoice((invoices[0] as InvoiceDetail).id)).toMatchObject({ paidMinor: 0 });
  });
});

describe("refunds from the back office", () => {
  const refund = (paymentId: string, amountMinor: number, expectedRefundedMinor: number) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/payments/${paymentId}/refunds`,
      headers: { cookie: org.cookie },
      payload: { amountMinor, method: "other", refundedOn: today("UTC"), expectedRefundedMinor },
    });

  it("partial, then two in parallel for the rest: Stripe never refunds more than was paid", async () => {
    const { customer, invoices, cookie } = await customerWith("Refunded", [10_000]);
    const started = await payInvoice(cookie, (invoices[0] as InvoiceDetail).id);
    const { session, intent } = onStripePage(started.json().checkoutUrl, {
      method: "card",
      result: "succeeded",
    });
    await notify(fake.event("checkout.session.completed", session));
    const [payment] = await paymentsOf(customer.id);
    const total = Number(payment?.amountMinor);

    const partial = await refund(payment?.id as string, 2_000, 0);
    expect(partial.statusCode).toBe(200);
    const [call] = fake.requestsTo("POST", "/v1/refunds").slice(-1);
    expect([field(call?.body, "payment_intent"), field(call?.body, "amount")]).toEqual([intent.id, "2000"]);
    expect(call?.headers["idempotency-key"]).toEqual(expect.any(String));

    const rest = total - 2_000;
    const twins = await Promise.all([
      refund(payment?.id as string, rest, 2_000),
      refund(payment?.id as string, rest, 2_000),
    ]);
    expect(twins.map((t) => t.statusCode).sort()).toEqual([200, 409]);
    expect(fake.state.refundedOf(intent.id)).toBe(total);
    expect(await invoice((invoices[0] as InvoiceDetail).id)).toMatchObject({ paidMinor: 0 });

    // Stripe's own notifications of those refunds change nothing more.
    const refunded = await notify(fake.event("charge.refunded", fake.state.chargeOf(intent.id)));
    expect(refunded.statusCode).toBe(200);
    expect(fake.state.refundedOf(intent.id)).toBe(total);
    expect(await invoice((invoices[0] as InvoiceDetail).id)).toMatchObject({ paidMinor: 0 });
  });
});

describe("the contact's Stripe customer (issue 13)", () => {
  it("is created at its first checkout and reused by the next, without saving a card", async () => {
    const { invoices, cookie } = await customerWith("Returning Payer", [3_000, 4_000]);
    const [first, second] = invoices as [InvoiceDetail, InvoiceDetail];
    const customers = fake.requestsTo("POST", "/v1/customers").length;
    expect((await payInvoice(cookie, first.id)).statusCode).toBe(200);
    expect(fake.requestsTo("POST", "/v1/customers")).toHaveLength(customers + 1);
    const [firstCall] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect((await payInvoice(cookie, second.id)).statusCode).toBe(200);
    const [secondCall] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(fake.requestsTo("POST", "/v1/customers")).toHaveLength(customers + 1);
    expect(field(secondCall?.body, "customer")).toBe(field(firstCall?.body, "customer"));
  });
});

describe("saved cards (E12)", () => {
  const methods = (cookie: string) =>
    ctx.app.inject({ url: `/api/portal/${org.slug}/me/payment-methods`, headers: { cookie } });

  it("a card saved while paying is listed in My details, reused by the next checkout, and removed at Stripe", async () => {
    const { invoices, cookie } = await customerWith("Card Saver", [6_000, 7_000]);
    const [first, second] = invoices as [InvoiceDetail, InvoiceDetail];
    const started = await payInvoice(cookie, first.id, { saveMethod: true });
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(field(call?.body, "payment_intent_data", "setup_future_usage")).toBe("off_session");
    const { intent } = onStripePage(started.json().checkoutUrl, { method: "card", result: "succeeded" });
    await notify(fake.event("payment_intent.succeeded", intent));
    const listed = (await methods(cookie)).json();
    expect(listed.items).toEqual([
      { id: expect.any(String), gateway: "stripe", label: "Visa ····4242", isDefault: true },
    ]);

    const customers = fake.requestsTo("POST", "/v1/customers").length;
    await payInvoice(cookie, second.id);
    const [next] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(fake.requestsTo("POST", "/v1/customers")).toHaveLength(customers);
    expect(field(next?.body, "customer")).toBe(intent.customer);

    const removed = await ctx.app.inject({
      method: "DELETE",
      url: `/api/portal/${org.slug}/me/payment-methods/${listed.items[0].id}`,
      headers: { cookie },
    });
    expect([removed.statusCode, removed.json().items]).toEqual([200, []]);
    expect(fake.state.detached.has(String(intent.payment_method))).toBe(true);
  });
});
