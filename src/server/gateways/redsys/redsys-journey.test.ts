import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import {
  checkoutSessions,
  emails,
  gatewayEvents,
  notifications,
  payments,
  refunds,
} from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { contactCookieFor, issuedInvoice, staffGet } from "../../modules/receipts/test-support.js";
import { buildCustomer, buildOrg, type TestOrg } from "../../test/factories.js";
import { type RedsysFake, redsysTestMerchant, startRedsysFake } from "../../test/fakes/redsys-fake.js";
import { createTestContext, TEST_PUBLIC_URL, type TestContext } from "../../test/harness.js";
import { mismatchNotices } from "../mismatch-test-support.js";

/**
 * RedSys through Portico's routes (issue 13): the portal's checkout, the form page, the fake's payment
 * page, its signed notifications to /api/gateways/redsys/notify/:orgId, and staff refunds over its REST.
 * One app, one database and one fake for the whole file; the app listens so the fake can post to it.
 */
let fake: RedsysFake;
let ctx: TestContext;
let org: TestOrg;
let appBase = "";

beforeAll(async () => {
  fake = await startRedsysFake();
  ctx = await createTestContext({ REDSYS_BASE: fake.base, GATEWAY_TIMEOUT_MS: "1000" });
  org = await buildOrg(ctx, "RedSys Journey Org", { gateways: ["redsys"] });
  appBase = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  const saved = await putCredentials(redsysTestMerchant);
  expect(saved.statusCode).toBe(200);
});
afterAll(async () => {
  await ctx.close();
  await fake.close();
});

const putCredentials = (body: object) =>
  ctx.app.inject({
    method: "PUT",
    url: "/api/payment-gateways/redsys/credentials",
    headers: { cookie: org.cookie },
    payload: body,
  });
const testConnection = () =>
  ctx.app.inject({
    method: "POST",
    url: "/api/payment-gateways/redsys/test",
    headers: { cookie: org.cookie },
  });

const portalPost = (cookie: string, path: string, payload: object) =>
  ctx.app.inject({ method: "POST", url: `/api/portal/${org.slug}${path}`, headers: { cookie }, payload });

/** The notification endpoint RedSys was told (Ds_Merchant_MerchantURL), on this test's listening app. */
const reachable = (url: string) => url.replace(TEST_PUBLIC_URL, appBase);

/** Opens a checkout, loads Portico's form page and posts its form to the fake, as the browser would. */
async function payAtRedsys(cookie: string, path: string, payload: object) {
  const start = await portalPost(cookie, path, payload);
  expect(start.statusCode, start.body).toBe(200);
  const page = await ctx.app.inject({
    url: start.json().checkoutUrl.replace(TEST_PUBLIC_URL, ""),
    headers: { cookie },
  });
  expect(page.statusCode).toBe(200);
  const action = /<form id="gateway-form" method="post" action="([^"]+)"/.exec(page.body)?.[1] ?? "";
  expect(action).toBe(`${fake.base}/sis/realizarPago`);
  const fields = Object.fromEntries(
    [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const html = await (
    await fetch(action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    })
  ).text();
  expect(html).toContain('id="amount"');
  const order = fake.lastOrder();
  if (!order) throw new Error("the fake took no order");
  return order;
}

/** Posts a notification of `order` to Portico as RedSys does; answers the HTTP statuses. */
function notify(order: string, options: Parameters<RedsysFake["notify"]>[1] = {}) {
  const known = fake.orders.get(order);
  return fake.notify(order, { url: reachable(known?.notifyUrl ?? ""), ...options });
}

async function customerWith(name: string, invoiceOptions: object[] = [{}]) {
  const customer = await buildCustomer(ctx, org, name);
  const invoices: InvoiceDetail[] = [];
  for (const extra of invoiceOptions) invoices.push(await issuedInvoice(ctx, org, customer.id, extra));
  return { customer, invoices, cookie: await contactCookieFor(ctx, org, invoices[0] as InvoiceDetail) };
}

const invoiceStatus = async (id: string) =>
  (await staffGet(ctx, org, `/api/invoices/${id}`)).json() as { status: string; paidMinor: number };

const paymentsOf = (customerId: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(payments).where(eq(payments.customerId, customerId)),
  );

const checkoutOf = async (order: string) =>
  (
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(checkoutSessions).where(eq(checkoutSessions.providerRef, order)),
    )
  )[0];

describe("Settings → Payments → RedSys", () => {
  test("credentials are answered masked; Test the connection passes, and a wrong key is CP3002", async () => {
    const list = await staffGet(ctx, org, "/api/payment-gateways/credentials");
    expect(list.body).not.toContain(redsysTestMerchant.secretKey);
    expect(list.json()).toContainEqual(
      expect.objectContaining({
        gateway: "redsys",
        configured: true,
        masked: expect.objectContaining({ secretKey: "••••0gJ7", merchantCode: "999008881" }),
        notifyUrl: `${TEST_PUBLIC_URL}/api/gateways/redsys/notify/${org.orgId}`,
      }),
    );
    expect((await testConnection()).json()).toEqual({ ok: true });

    const wrong = { ...redsysTestMerchant, secretKey: "Mk9m98IfEblmPfrpsawt7BmxObt98Jev" };
    expect((await putCredentials(wrong)).body).not.toContain(wrong.secretKey);
    const refused = await testConnection();
    expect([refused.statusCode, refused.json().code]).toEqual([502, "CP3002"]);
    expect(refused.body).not.toContain(wrong.secretKey);
    expect((await putCredentials(redsysTestMerchant)).statusCode).toBe(200);

    fake.mode = "down";
    const down = await testConnection();
    fake.mode = "up";
    expect([down.statusCode, down.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
  });
});

describe("paying through RedSys", () => {
  test("a full checkout: the return changes nothing, the notification replayed 3× records one payment", async () => {
    const { customer, invoices, cookie } = await customerWith("Full Payer");
    const invoice = invoices[0] as InvoiceDetail;
    const order = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "full-0001" });
    expect(order.params).toMatchObject({
      DS_MERCHANT_AMOUNT: String(invoice.totalMinor),
      DS_MERCHANT_CURRENCY: "978",
      DS_MERCHANT_MERCHANTURL: `${TEST_PUBLIC_URL}/api/gateways/redsys/notify/${org.orgId}`,
    });
    expect(order.urlOk).toBe(`${TEST_PUBLIC_URL}/p/${org.slug}/invoices/${invoice.id}?payment=succeeded`);
    // The payer is back at URL OK before RedSys notifies: nothing is paid yet.
    expect((await invoiceStatus(invoice.id)).status).not.toBe("paid");

    expect(await notify(order.order, { times: 3 })).toEqual([200, 200, 200]);
    expect(await notify(order.order, { delayMs: 20 })).toEqual([200]);
    const rows = await paymentsOf(customer.id);
    expect(rows.map((p) => [p.amountMinor, p.gateway, p.gatewayReference])).toEqual([
      [invoice.totalMinor, "redsys", order.order],
    ]);
    expect(await invoiceStatus(invoice.id)).toMatchObject({ status: "paid", paidMinor: invoice.totalMinor });
  });

  test("a notification whose amount or currency is not the checkout's is kept, not applied; staff told once", async () => {
    const { customer, invoices, cookie } = await customerWith("Odd Amount", [{}, {}]);
    const [first, second] = invoices as [InvoiceDetail, InvoiceDetail];
    const odd = await payAtRedsys(cookie, `/invoices/${first.id}/pay`, { idempotencyKey: "odd-0001" });
    // RedSys retries until it gets a 200: the first answer is one, so it is delivered once here.
    expect(await notify(odd.order, { amountMinor: first.totalMinor - 100 })).toEqual([200]);
    const other = await payAtRedsys(cookie, `/invoices/${second.id}/pay`, { idempotencyKey: "odd-0002" });
    expect(await notify(other.order, { currency: "840", times: 2 })).toEqual([200, 200]);
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect((await checkoutOf(odd.order))?.status).toBe("open");
    expect((await invoiceStatus(first.id)).paidMinor).toBe(0);
    const notices = (await mismatchNotices(ctx, org)).filter((n) => n.customerName === "Odd Amount");
    expect(notices).toHaveLength(2);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reference: odd.order,
          gateway: "redsys",
          amountMinor: first.totalMinor - 100,
          currency: "EUR",
          expectedMinor: first.totalMinor,
          expectedCurrency: "EUR",
        }),
        expect.objectContaining({ reference: other.order, amountMinor: second.totalMinor, currency: "USD" }),
      ]),
    );
  });

  test("a partial checkout (V2 terminal) pays only that part", async () => {
    expect(
      (await putCredentials({ ...redsysTestMerchant, signatureVersion: "HMAC_SHA512_V2" })).statusCode,
    ).toBe(200);
    try {
      const { customer, invoices, cookie } = await customerWith("Part Payer", [
        { allowPartialPayments: true },
      ]);
      const invoice = invoices[0] as InvoiceDetail;
      const order = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, {
        idempotencyKey: "part-0001",
        amountMinor: 5_000,
      });
      expect(order.version).toBe("HMAC_SHA512_V2");
      expect(await notify(order.order)).toEqual([200]);
      expect((await paymentsOf(customer.id)).map((p) => p.amountMinor)).toEqual([5_000]);
      expect(await invoiceStatus(invoice.id)).toMatchObject({ status: "partially_paid", paidMinor: 5_000 });
    } finally {
      await putCredentials(redsysTestMerchant);
    }
  });

  test("pay everything: one order, one payment across every open invoice", async () => {
    const { customer, invoices, cookie } = await customerWith("All Payer", [{}, {}]);
    const owed = invoices.reduce((sum, i) => sum + i.totalMinor, 0);
    const order = await payAtRedsys(cookie, "/pay-all", { idempotencyKey: "all-0001" });
    expect(order.amountMinor).toBe(owed);
    expect(await notify(order.order, { times: 2 })).toEqual([200, 200]);
    expect((await paymentsOf(customer.id)).map((p) => p.amountMinor)).toEqual([owed]);
    for (const i of invoices) expect((await invoiceStatus(i.id)).status).toBe("paid");
  });

  test("a declined and a cancelled order record nothing; a late refusal after the retry's success changes nothing", async () => {
    const { customer, invoices, cookie } = await customerWith("Retry Payer");
    const invoice = invoices[0] as InvoiceDetail;
    const declined = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "retry-0001",
    });
    const cancelled = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "retry-0002",
    });
    const paid = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "retry-0003" });
    expect(new Set([declined.order, cancelled.order, paid.order]).size).toBe(3);

    expect(await notify(cancelled.order, { response: "9915" })).toEqual([200]);
    expect(await checkoutOf(cancelled.order)).toMatchObject({ status: "cancelled" });
    // Out of order: the retry's success arrives before the first attempt's refusal.
    expect(await notify(paid.order)).toEqual([200]);
    expect(await notify(declined.order, { response: "0190", delayMs: 20 })).toEqual([200]);
    expect(await checkoutOf(declined.order)).toMatchObject({ status: "failed", failureCode: "CP3003" });
    expect(await notify(paid.order)).toEqual([200]);
    expect((await paymentsOf(customer.id)).map((p) => p.gatewayReference)).toEqual([paid.order]);
    expect((await invoiceStatus(invoice.id)).status).toBe("paid");
  });

  test("a refusal without a CP code reaches staff once as payment_failed, with the code's meaning", async () => {
    const { customer, invoices, cookie } = await customerWith("Short Of Funds");
    const invoice = invoices[0] as InvoiceDetail;
    const declined = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "funds-0001",
    });
    expect(await notify(declined.order, { response: "0116", times: 2 })).toEqual([200, 200]);
    expect(await checkoutOf(declined.order)).toMatchObject({ status: "failed", failureCode: null });
    expect(await paymentsOf(customer.id)).toEqual([]);
    const told = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(notifications).where(eq(notifications.type, "payment_failed")),
    );
    const mine = told.filter((n) => (n.data as Record<string, unknown>).customerName === customer.name);
    expect(mine.map((n) => n.data)).toEqual([
      expect.objectContaining({
        invoiceId: invoice.id,
        code: "0116",
        reasonEs: "Saldo insuficiente",
        reasonEn: "Insufficient funds",
      }),
    ]);
    const mail = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(emails).where(eq(emails.kind, "staff_notification")),
    );
    const about = mail.filter((m) => m.textBody.includes("Short Of Funds"));
    expect(about).toHaveLength(1);
    expect(about[0]?.textBody).toMatch(/(Saldo insuficiente|Insufficient funds) \((código|code) 0116\)/);
    expect((await invoiceStatus(invoice.id)).status).not.toBe("paid");
  });

  test("an order number names one checkout: the database refuses to give it to another", async () => {
    const { invoices, cookie } = await customerWith("Unique Orders");
    const invoice = invoices[0] as InvoiceDetail;
    const first = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "unique-0001" });
    const second = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: "unique-0002",
    });
    const other = (await checkoutOf(second.order))?.id as string;
    await expect(
      withOrg(ctx.database.db, org.orgId, (tx) =>
        tx.update(checkoutSessions).set({ providerRef: first.order }).where(eq(checkoutSessions.id, other)),
      ),
    ).rejects.toThrow();
  });

  test("a tampered notification is 400 and changes nothing", async () => {
    const { customer, invoices, cookie } = await customerWith("Tampered Payer");
    const invoice = invoices[0] as InvoiceDetail;
    const order = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, { idempotencyKey: "tamper-0001" });
    expect(await notify(order.order, { tamper: "signature" })).toEqual([400]);
    expect(await notify(order.order, { tamper: "key" })).toEqual([400]);
    const forged = fake.notification(order.order);
    const edited = JSON.parse(Buffer.from(forged.Ds_MerchantParameters as string, "base64").toString());
    edited.Ds_Response = "0000";
    edited.Ds_Amount = "1";
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/gateways/redsys/notify/${org.orgId}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        ...forged,
        Ds_MerchantParameters: Buffer.from(JSON.stringify(edited)).toString("base64"),
      }).toString(),
    });
    expect([res.statusCode, res.json().code]).toEqual([400, "PAYMENT_SIGNATURE_INVALID"]);
    expect(await paymentsOf(customer.id)).toEqual([]);
    expect(await checkoutOf(order.order)).toMatchObject({ status: "open" });
    const events = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(gatewayEvents)
        .where(and(eq(gatewayEvents.gateway, "redsys"), eq(gatewayEvents.eventId, `${order.order}:0:0000:`))),
    );
    expect(events).toEqual([]);
    expect((await invoiceStatus(invoice.id)).status).not.toBe("paid");
  });
});

describe("staff refunds through RedSys", () => {
  async function paidPayment(name: string) {
    const { customer, invoices, cookie } = await customerWith(name);
    const invoice = invoices[0] as InvoiceDetail;
    const order = await payAtRedsys(cookie, `/invoices/${invoice.id}/pay`, {
      idempotencyKey: `${name}-pay-0001`,
    });
    await fake.complete(order.order, "pay", reachable(order.notifyUrl));
    const [payment] = await paymentsOf(customer.id);
    if (!payment) throw new Error("no payment recorded");
    return { payment, order: order.order, invoice };
  }
  /** Dated the payment's day (the server's clock, so the file passes on any date). */
  const refund = (
    payment: { id: string; paidOn: string },
    amountMinor: number,
    expectedRefundedMinor: number,
  ) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/payments/${payment.id}/refunds`,
      headers: { cookie: org.cookie },
      payload: { amountMinor, method: "other", refundedOn: payment.paidOn, expectedRefundedMinor },
    });
  const refundsOf = (paymentId: string) =>
    withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(refunds).where(eq(refunds.paymentId, paymentId)),
    );

  test("a partial refund, then the rest; never beyond what was paid", async () => {
    const { payment, order } = await paidPayment("Refund Partial");
    expect((await refund(payment, 4_200, 0)).statusCode).toBe(200);
    expect((await refund(payment, payment.amountMinor - 4_200, 4_200)).statusCode).toBe(200);
    const over = await refund(payment, 1, payment.amountMinor);
    expect(over.statusCode).toBeGreaterThanOrEqual(400);
    expect(fake.orders.get(order)?.refundedMinor).toBe(payment.amountMinor);
    const rows = (await refundsOf(payment.id)).map((r) => [r.amountMinor, r.status]);
    expect(rows.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [4_200, "succeeded"],
      [payment.amountMinor - 4_200, "succeeded"],
    ]);
  });

  test("two full refunds at once: RedSys and Portico refund it once", async () => {
    const { payment, order } = await paidPayment("Refund Twice");
    const both = await Promise.all([
      refund(payment, payment.amountMinor, 0),
      refund(payment, payment.amountMinor, 0),
    ]);
    expect(both.map((r) => r.statusCode).filter((s) => s === 200)).toHaveLength(1);
    expect(fake.orders.get(order)?.refundedMinor).toBe(payment.amountMinor);
    expect((await refundsOf(payment.id)).map((r) => r.amountMinor)).toEqual([payment.amountMinor]);
  });

  test("RedSys down: a clear error, and no refund is recorded", async () => {
    const { payment, order } = await paidPayment("Refund Down");
    fake.mode = "down";
    const res = await refund(payment, 1_000, 0);
    fake.mode = "up";
    expect([res.statusCode, res.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
    expect(await refundsOf(payment.id)).toEqual([]);
    expect(fake.orders.get(order)?.refundedMinor).toBe(0);
  });
});
