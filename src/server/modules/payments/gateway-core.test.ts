import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import type { InvoiceDetail, PaymentDetail } from "../../../shared/contracts/index.js";
import {
  checkoutSessions,
  emails,
  gatewayCredentials,
  notifications,
  refunds,
} from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import type { CheckoutStart, Gateway, GatewayEvent, RefundResult } from "../../gateways/gateway.js";
import { setTestGateways } from "../../gateways/registry.js";
import { sandboxSignature } from "../../gateways/sandbox/sandbox-signature.js";
import { buildInvoice, recordPayment } from "../../test/factories.js";
import { buildSignedInCustomer, setUpTestApp } from "../../test/scenarios.js";
import { seal, unseal } from "../gateway-credentials/cipher.js";
import { readZip } from "../organisation-data/zip.js";
import { refundIdempotencyKey } from "./online-refunds.service.js";

/**
 * The gateway core (issue 13) with a tiny fake provider standing in for a real one: credentials sealed
 * and masked, checkouts started through the interface, verified notifications applied once, refunds
 * through the provider. Each real provider's own tests run against its in-repo fake HTTP server.
 */
const fake = vi.hoisted(() => ({
  start: "redirect" as "redirect" | "form" | "down" | "declined",
  refund: "succeeded" as RefundResult["status"] | "down",
  starts: [] as { idempotencyKey: string; amountMinor: number; notifyUrl: string }[],
  refunds: [] as { idempotencyKey: string; amountMinor: number; paymentReference: string }[],
  /** Runs while the provider "processes" a refund, before it answers (a notification that overtakes it). */
  duringRefund: null as null | ((reference: string) => Promise<void>),
  currencies: "any" as readonly string[] | "any",
}));

const GOOD_SECRET = "sk_test_good_secret_4242";
const credentialsSchema = z.object({ accountId: z.string().min(4), secretKey: z.string().min(12) });
type FakeCredentials = z.infer<typeof credentialsSchema>;

const fakeGateway: Gateway<FakeCredentials> = {
  id: "stripe",
  capabilities: {
    get currencies() {
      return fake.currencies;
    },
    minimumMinor: () => 50,
    online: true,
    savedMethods: false,
    bankDebits: true,
    refunds: true,
  },
  credentials: credentialsSchema,
  mask: (c) => ({ accountId: c.accountId, secretKey: `••••${c.secretKey.slice(-4)}` }),
  testConnection: async (c) => {
    if (c.secretKey !== GOOD_SECRET) throw new AppError("CP3002");
  },
  startCheckout: async (c, _env, input): Promise<CheckoutStart> => {
    if (c.secretKey !== GOOD_SECRET) throw new AppError("CP3002");
    fake.starts.push({
      idempotencyKey: input.idempotencyKey,
      amountMinor: input.amountMinor,
      notifyUrl: input.notifyUrl,
    });
    if (fake.start === "down") throw new Error("connect ECONNREFUSED");
    if (fake.start === "declined") throw new AppError("CP3003");
    if (fake.start === "form")
      return {
        kind: "form",
        action: "https://bank.example/pay",
        fields: { Ds_MerchantParameters: "eyJhIjoiPGI+In0=", Ds_Signature: 'x"y' },
        providerRef: `order_${input.checkoutId.slice(0, 8)}`,
      };
    return {
      kind: "redirect",
      url: `https://pay.example/session/${input.checkoutId}`,
      providerRef: `cs_${input.checkoutId.slice(0, 8)}`,
    };
  },
  verifyNotification: async (c, _env, input) => {
    const expected = createHmac("sha256", c.secretKey).update(input.rawBody).digest("hex");
    if (input.headers["x-fake-signature"] !== expected) throw new AppError("PAYMENT_SIGNATURE_INVALID");
    return JSON.parse(input.rawBody.toString("utf8")) as { eventId: string; events: GatewayEvent[] };
  },
  refund: async (_c, _env, input): Promise<RefundResult> => {
    fake.refunds.push(input);
    if (fake.refund === "down") throw new Error("socket hang up");
    await fake.duringRefund?.(`re_${input.idempotencyKey.slice(0, 8)}`);
    return {
      reference: `re_${input.idempotencyKey.slice(0, 8)}`,
      status: fake.refund,
      ...(fake.refund === "failed" ? { failureCode: "CP3003" } : {}),
    };
  },
};

// The scripted provider stands in for Stripe's id (a module mock would not reach modules a worker
// already loaded: vitest.config.ts shares them across files).
beforeAll(() => setTestGateways([fakeGateway]));
afterAll(() => setTestGateways([]));

const { ctx, org, otherOrg } = setUpTestApp("Gateway Core", "Gateway Other");
const staff = (
  method: "GET" | "PUT" | "POST" | "DELETE",
  url: string,
  payload?: object,
  cookie = org.cookie,
) => ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const pay = (cookie: string, invoiceId: string, key: string, gateway?: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${invoiceId}/pay`,
    headers: { cookie },
    payload: { idempotencyKey: key, ...(gateway ? { gateway } : {}) },
  });
const notifyRaw = (body: string, secret = GOOD_SECRET, orgId = org.orgId) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/gateways/stripe/notify/${orgId}`,
    headers: {
      "content-type": "application/json",
      "x-fake-signature": createHmac("sha256", secret).update(body).digest("hex"),
    },
    payload: body,
  });
const notify = (eventId: string, events: GatewayEvent[]) => notifyRaw(JSON.stringify({ eventId, events }));
const checkoutOf = async (id: string) => {
  const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)),
  );
  return row;
};
const invoiceOf = async (id: string): Promise<InvoiceDetail> =>
  (await staff("GET", `/api/invoices/${id}`)).json();
const notificationTypes = async () =>
  (
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select({ type: notifications.type }).from(notifications),
    )
  ).map((n) => n.type);
/** The C5 emails to staff in the outbox (issue 13's payment events are emailed like the others). */
const staffEmailSubjects = async () =>
  (
    await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select({ subject: emails.subject }).from(emails).where(eq(emails.kind, "staff_notification")),
    )
  ).map((e) => e.subject);
const putNotificationPrefs = async (change: Record<string, boolean>) => {
  const { portalUrl: _u, ...current } = (await staff("GET", "/api/portal-settings")).json();
  const res = await staff("PUT", "/api/portal-settings", {
    ...current,
    notificationPrefs: { ...current.notificationPrefs, ...change },
  });
  expect(res.statusCode, res.body).toBe(200);
};
const idOf = (checkoutUrl: string) => checkoutUrl.split("/").pop() as string;

beforeAll(async () => {
  const saved = await staff("PUT", "/api/payment-gateways/stripe/credentials", {
    accountId: "acct_123456",
    secretKey: GOOD_SECRET,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const enabled = await staff("PUT", "/api/payment-gateways", { enabled: ["sandbox", "stripe"] });
  expect(enabled.statusCode, enabled.body).toBe(200);
});

describe("credentials (C8)", () => {
  test("are validated by the provider's schema, answered only masked, and stored sealed", async () => {
    const bad = await staff("PUT", "/api/payment-gateways/stripe/credentials", { accountId: "a" });
    expect([bad.statusCode, bad.json().code]).toEqual([400, "VALIDATION_FAILED"]);
    // What is sent is merged onto what is stored: the bad account id is refused, the stored secret kept.
    const fields = (res: { json(): { errors: { field: string }[] } }) =>
      res
        .json()
        .errors.map((e) => e.field)
        .sort();
    expect(fields(bad)).toEqual(["body.accountId"]);
    const fresh = await staff(
      "PUT",
      "/api/payment-gateways/stripe/credentials",
      { accountId: "a" },
      otherOrg.cookie,
    );
    expect(fields(fresh)).toEqual(["body.accountId", "body.secretKey"]);
    const list = await staff("GET", "/api/payment-gateways/credentials");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(GOOD_SECRET);
    expect(list.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          gateway: "stripe",
          needsCredentials: true,
          configured: true,
          masked: { accountId: "acct_123456", secretKey: "••••4242" },
          notifyUrl: `https://portico.test/api/gateways/stripe/notify/${org.orgId}`,
          fields: [
            { name: "accountId", kind: "text", options: [], required: true },
            { name: "secretKey", kind: "secret", options: [], required: true },
          ],
        }),
        expect.objectContaining({ gateway: "sandbox", needsCredentials: false, configured: true }),
      ]),
    );
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(gatewayCredentials).where(eq(gatewayCredentials.gateway, "stripe")),
    );
    expect(row?.keyId).toBe("dev");
    expect(row?.ciphertext.toString("utf8")).not.toContain(GOOD_SECRET);
    // Another organisation's staff see nothing of it, and an unknown provider is not a resource.
    const other = await staff("GET", "/api/payment-gateways/credentials", undefined, otherOrg.cookie);
    expect(other.json()).toContainEqual(expect.objectContaining({ gateway: "stripe", configured: false }));
    expect((await staff("PUT", "/api/payment-gateways/nope/credentials", { a: "b" })).statusCode).toBe(404);
  });

  test("a row moved to another organisation or provider does not decrypt; older keys still do", () => {
    const k1 = { id: "k1", key: Buffer.alloc(32, 1) };
    const k2 = { id: "k2", key: Buffer.alloc(32, 2) };
    const sealed = seal([k1], org.orgId, "stripe", { secretKey: "s" });
    expect(unseal([k2, k1], org.orgId, "stripe", sealed)).toEqual({ secretKey: "s" });
    expect(unseal([k2, k1], otherOrg.orgId, "stripe", sealed)).toBeNull();
    expect(unseal([k2, k1], org.orgId, "paypal", sealed)).toBeNull();
    expect(unseal([k2], org.orgId, "stripe", sealed)).toBeNull();
    expect(seal([k2, k1], org.orgId, "stripe", {}).keyId).toBe("k2");
  });

  test("Test the connection answers CP3002 for wrong credentials; only configured gateways can be enabled", async () => {
    expect((await staff("POST", "/api/payment-gateways/stripe/test")).json()).toEqual({ ok: true });
    const none = await staff("POST", "/api/payment-gateways/stripe/test", undefined, otherOrg.cookie);
    expect([none.statusCode, none.json().code]).toEqual([422, "GATEWAY_CREDENTIALS_MISSING"]);
    const enable = await staff("PUT", "/api/payment-gateways", { enabled: ["stripe"] }, otherOrg.cookie);
    expect([enable.statusCode, enable.json().code]).toEqual([422, "GATEWAY_CREDENTIALS_MISSING"]);
    await staff(
      "PUT",
      "/api/payment-gateways/stripe/credentials",
      { accountId: "acct_999999", secretKey: "sk_test_wrong_0000" },
      otherOrg.cookie,
    );
    const wrong = await staff("POST", "/api/payment-gateways/stripe/test", undefined, otherOrg.cookie);
    expect([wrong.statusCode, wrong.json().code]).toEqual([502, "CP3002"]);
    expect(wrong.body).not.toContain("sk_test_wrong_0000");
    // Forgetting them turns the gateway off.
    await staff("PUT", "/api/payment-gateways", { enabled: ["sandbox", "stripe"] }, otherOrg.cookie);
    expect(
      (await staff("DELETE", "/api/payment-gateways/stripe/credentials", undefined, otherOrg.cookie))
        .statusCode,
    ).toBe(204);
    expect((await staff("GET", "/api/payment-gateways", undefined, otherOrg.cookie)).json().enabled).toEqual([
      "sandbox",
    ]);
  });

  test("the organisation export leaves the sealed credentials out, masked values only", async () => {
    const res = await staff("GET", "/api/organisation/export");
    expect(res.statusCode).toBe(200);
    const files = new Map(readZip(res.rawPayload).map((e) => [e.name, e.data]));
    const rows = JSON.parse(files.get("data/gateway_credentials.json")?.toString() ?? "[]");
    expect(rows).toEqual([expect.objectContaining({ gateway: "stripe", masked: expect.any(Object) })]);
    expect(Object.keys(rows[0])).not.toEqual(expect.arrayContaining(["ciphertext"]));
    expect(rows[0]).not.toHaveProperty("nonce");
    expect(rows[0]).not.toHaveProperty("tag");
    expect(res.rawPayload.toString("latin1")).not.toContain(GOOD_SECRET);
  });
});

describe("checkout through the interface", () => {
  test("the invoice offers both gateways; the chosen one starts with the key; a replay gives the same URL", async () => {
    const c = await buildSignedInCustomer(ctx, org, "Choosing Customer");
    const detail = (
      await ctx.app.inject({
        url: `/api/portal/${org.slug}/invoices/${c.invoice.id}`,
        headers: { cookie: c.cookie },
      })
    ).json();
    expect(detail).toMatchObject({ canPay: true, gateways: ["sandbox", "stripe"], minimumPaymentMinor: 50 });
    fake.start = "redirect";
    fake.starts.length = 0;
    const first = await pay(c.cookie, c.invoice.id, "choose-0001", "stripe");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().checkoutUrl).toMatch(/^https:\/\/pay\.example\/session\//);
    const again = await pay(c.cookie, c.invoice.id, "choose-0001", "stripe");
    expect(again.json()).toEqual(first.json());
    expect(fake.starts).toEqual([
      {
        idempotencyKey: `${org.orgId}:choose-0001`,
        amountMinor: c.invoice.totalMinor,
        notifyUrl: `https://portico.test/api/gateways/stripe/notify/${org.orgId}`,
      },
    ]);
    const row = await checkoutOf(idOf(first.json().checkoutUrl));
    expect(row).toMatchObject({
      gateway: "stripe",
      status: "open",
      providerRef: expect.stringMatching(/^cs_/),
    });
    // Without a choice, the first offered (the sandbox); a gateway the invoice does not offer is refused.
    expect((await pay(c.cookie, c.invoice.id, "choose-0002")).json().checkoutUrl).toContain(
      "/sandbox/checkout/",
    );
    const unknown = await pay(c.cookie, c.invoice.id, "choose-0003", "paypal");
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
  });

  test("staff narrow what one invoice offers, among what the organisation enabled", async () => {
    const c = await buildSignedInCustomer(ctx, org, "Narrowed Customer");
    // What the invoice detail's "Payment methods offered" lists: the enabled gateways a payer is sent to.
    const settings = (await staff("GET", "/api/payment-gateways")).json();
    expect(settings.offered.sort()).toEqual(["sandbox", "stripe"]);
    const url = `/api/invoices/${c.invoice.id}/gateways`;
    const narrowed = await staff("PUT", url, { gateways: ["stripe"] });
    expect(narrowed.json()).toEqual({ gateways: ["stripe"] });
    expect(await invoiceOf(c.invoice.id)).toMatchObject({ gateways: ["stripe"] });
    const refused = await staff("PUT", url, { gateways: ["paypal"] });
    expect([refused.statusCode, refused.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
    const detail = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${c.invoice.id}`,
      headers: { cookie: c.cookie },
    });
    expect(detail.json()).toMatchObject({ gateways: ["stripe"], canPay: true });
    const sandbox = await pay(c.cookie, c.invoice.id, "narrow-0001", "sandbox");
    expect([sandbox.statusCode, sandbox.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
    expect((await pay(c.cookie, c.invoice.id, "narrow-0002")).json().checkoutUrl).toContain("pay.example");
    const other = await staff("PUT", url, { gateways: [] }, otherOrg.cookie);
    expect(other.statusCode).toBe(404);
  });

  test("'pay everything' offers the gateways every open invoice allows; none in common, none offered", async () => {
    const c = await buildSignedInCustomer(ctx, org, "Intersecting Customer");
    const second = await buildInvoice(ctx, org, c.customer.id, { issue: true });
    const home = async () =>
      (await ctx.app.inject({ url: `/api/portal/${org.slug}/home`, headers: { cookie: c.cookie } })).json()
        .allows.payAllGateways;
    expect((await home())[0].gateways.sort()).toEqual(["sandbox", "stripe"]);
    await staff("PUT", `/api/invoices/${second.id}/gateways`, { gateways: ["stripe"] });
    expect(await home()).toEqual([{ currency: "EUR", gateways: ["stripe"] }]);
    // An invoice offering no online gateway is not paid online, so it does not empty the choice.
    await staff("PUT", `/api/invoices/${c.invoice.id}/gateways`, { gateways: [] });
    expect(await home()).toEqual([{ currency: "EUR", gateways: ["stripe"] }]);
    await staff("PUT", `/api/invoices/${c.invoice.id}/gateways`, { gateways: ["sandbox"] });
    expect(await home()).toEqual([{ currency: "EUR", gateways: [] }]);
  });

  test("a provider that is down: 503 GATEWAY_UNAVAILABLE, the checkout failed, nothing recorded; its CP codes pass", async () => {
    const c = await buildSignedInCustomer(ctx, org, "Down Customer");
    const before = await invoiceOf(c.invoice.id);
    fake.start = "down";
    const down = await pay(c.cookie, c.invoice.id, "down-0001", "stripe");
    expect([down.statusCode, down.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
    const again = await pay(c.cookie, c.invoice.id, "down-0001", "stripe");
    expect([again.statusCode, again.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
    fake.start = "declined";
    const declined = await pay(c.cookie, c.invoice.id, "down-0002", "stripe");
    expect([declined.statusCode, declined.json().code]).toEqual([402, "CP3003"]);
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(checkoutSessions).where(eq(checkoutSessions.customerId, c.customer.id)),
    );
    expect(rows.map((r) => [r.status, r.failureCode]).sort()).toEqual([
      ["failed", "CP3003"],
      ["failed", "GATEWAY_UNAVAILABLE"],
    ]);
    expect(await invoiceOf(c.invoice.id)).toMatchObject({ paidMinor: 0, status: before.status });
    fake.start = "redirect";
    fake.currencies = ["USD"];
    const currency = await pay(c.cookie, c.invoice.id, "down-0003", "stripe");
    expect([currency.statusCode, currency.json().code]).toEqual([422, "CP4003"]);
    fake.currencies = "any";
  });

  test("a form start is posted from a Portico page bound to the contact, with no inline script", async () => {
    const c = await buildSignedInCustomer(ctx, org, "Form Customer");
    const stranger = await buildSignedInCustomer(ctx, org, "Form Stranger");
    fake.start = "form";
    const started = await pay(c.cookie, c.invoice.id, "form-0001", "stripe");
    fake.start = "redirect";
    const url: string = started.json().checkoutUrl;
    expect(url).toMatch(/^https:\/\/portico\.test\/gateways\/form\/[0-9a-f-]{36}$/);
    const path = url.replace("https://portico.test", "");
    const page = await ctx.app.inject({ url: path, headers: { cookie: c.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="https://bank.example/pay"');
    expect(page.body).toContain('name="Ds_Signature" value="x&#34;y"');
    expect(page.body).toMatch(/<button type="submit">/);
    expect(page.body).not.toMatch(/<script>[^<]/);
    expect(String(page.headers["content-security-policy"])).toContain(
      "form-action 'self' https://bank.example",
    );
    const other = await ctx.app.inject({ url: path, headers: { cookie: stranger.cookie } });
    expect([other.statusCode, other.json().code]).toEqual([403, "CHECKOUT_NOT_YOURS"]);
  });
});

describe("notifications", () => {
  async function started(name: string) {
    const c = await buildSignedInCustomer(ctx, org, name);
    const res = await pay(c.cookie, c.invoice.id, `${name.replace(/\W/g, "")}-key`, "stripe");
    return { ...c, checkoutId: idOf(res.json().checkoutUrl) };
  }

  test("the unauthenticated endpoint is bounded per sender and organisation (429 past 300 a minute)", async () => {
    const orgId = "00000000-0000-4000-8000-000000000abc";
    const send = () =>
      ctx.app.inject({
        method: "POST",
        url: `/api/gateways/stripe/notify/${orgId}`,
        headers: { "content-type": "application/json" },
        payload: "{}",
      });
    const codes = new Set<number>();
    for (let i = 0; i < 300; i++) codes.add((await send()).statusCode);
    expect(codes.has(429)).toBe(false);
    expect((await send()).statusCode).toBe(429);
    // Another organisation's endpoint has its own count.
    expect((await notify("evt_after_limit", [])).statusCode).not.toBe(429);
  });

  test("money a provider took for an invoice paid meanwhile is kept as the customer's credit, staff told", async () => {
    const c = await started("Paid Twice Customer");
    const transfer = await recordPayment(
      ctx,
      { cookie: org.cookie },
      { customerId: c.invoice.customerId, invoiceId: c.invoice.id, amountMinor: c.invoice.totalMinor },
    );
    expect(transfer.statusCode, transfer.body).toBe(201);
    const res = await notify(`evt_twice_${c.checkoutId}`, [
      {
        kind: "payment",
        checkoutId: c.checkoutId,
        reference: `pi_twice_${c.checkoutId}`,
        status: "succeeded",
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(await checkoutOf(c.checkoutId)).toMatchObject({ status: "succeeded" });
    const list = await staff("GET", `/api/payments?customerId=${c.invoice.customerId}`);
    const online = (list.json().items as PaymentDetail[]).find((p) => p.method === "gateway");
    expect(online).toMatchObject({ amountMinor: c.invoice.totalMinor, unappliedMinor: c.invoice.totalMinor });
    expect(await invoiceOf(c.invoice.id)).toMatchObject({ status: "paid", paidMinor: c.invoice.totalMinor });
    expect(await notificationTypes()).toContain("payment_unapplied");
  });
  const payment = (
    checkoutId: string,
    status: "succeeded" | "processing" | "failed",
    reference = `pi_${checkoutId.slice(0, 8)}`,
  ): GatewayEvent => ({
    kind: "payment",
    checkoutId,
    reference,
    status,
    ...(status === "failed" ? { failureCode: "CP3003", providerCode: "insufficient_funds" } : {}),
  });

  test("a bad signature is 400 and changes nothing; a replay 3× and an out-of-order processing record one payment", async () => {
    const c = await started("Notified Customer");
    const body = JSON.stringify({ eventId: "evt_1", events: [payment(c.checkoutId, "succeeded")] });
    const tampered = await notifyRaw(body, "sk_test_someone_else");
    expect([tampered.statusCode, tampered.json().code]).toEqual([400, "PAYMENT_SIGNATURE_INVALID"]);
    expect((await checkoutOf(c.checkoutId))?.status).toBe("open");
    const processing = await notify("evt_0", [payment(c.checkoutId, "processing")]);
    expect(processing.json()).toEqual({ received: true, duplicate: false });
    expect((await checkoutOf(c.checkoutId))?.status).toBe("processing");
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await notifyRaw(body)).json());
    expect(answers).toEqual([
      { received: true, duplicate: false },
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    // A late "processing" under another event id changes nothing.
    await notify("evt_late", [payment(c.checkoutId, "processing")]);
    expect((await checkoutOf(c.checkoutId))?.status).toBe("succeeded");
    const inv = await invoiceOf(c.invoice.id);
    expect(inv).toMatchObject({ status: "paid", paidMinor: c.invoice.totalMinor });
    expect(inv.allocations).toHaveLength(1);
    // Another organisation's endpoint does not know this checkout (its credentials do not verify it either).
    expect((await notifyRaw(body, GOOD_SECRET, otherOrg.orgId)).statusCode).toBe(404);
  });

  test("the sandbox's notifications go through the same endpoint; an unknown organisation is 404", async () => {
    const c = await buildSignedInCustomer(ctx, org, "Sandbox Notified");
    const res = await pay(c.cookie, c.invoice.id, "sandbox-notify-1", "sandbox");
    const fields = {
      session: idOf(res.json().checkoutUrl),
      status: "succeeded" as const,
      reference: "sbx_n1",
    };
    const post = (orgId: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/gateways/sandbox/notify/${orgId}`,
        headers: { "x-sandbox-signature": sandboxSignature.sign(ctx.config, fields) },
        payload: fields,
      });
    expect((await post("00000000-0000-4000-8000-000000000009")).statusCode).toBe(404);
    expect((await post(org.orgId)).json()).toEqual({ received: true, duplicate: false });
    expect(await invoiceOf(c.invoice.id)).toMatchObject({ status: "paid" });
  });

  test("a bank debit that fails after processing leaves the invoice open and tells staff", async () => {
    const c = await started("Bounced Customer");
    const before = await invoiceOf(c.invoice.id);
    await notify("evt_b1", [payment(c.checkoutId, "processing")]);
    expect(await invoiceOf(c.invoice.id)).toMatchObject({ paymentProcessing: true, paidMinor: 0 });
    const portal = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${c.invoice.id}`,
      headers: { cookie: c.cookie },
    });
    expect(portal.json()).toMatchObject({ paymentProcessing: true });
    await notify("evt_b2", [payment(c.checkoutId, "failed")]);
    expect(await invoiceOf(c.invoice.id)).toMatchObject({ paymentProcessing: false });
    expect(await checkoutOf(c.checkoutId)).toMatchObject({ status: "failed", failureCode: "CP3003" });
    const after = await invoiceOf(c.invoice.id);
    expect([after.paidMinor, after.status === "paid", before.paidMinor]).toEqual([0, false, 0]);
    expect(await notificationTypes()).toContain("payment_failed");
    const failed = (await staffEmailSubjects()).filter((s) => /Bounced Customer/.test(s));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/ha fallado el pago|payment of .* failed/i);
  });

  test("a dispute marks the payment and tells staff, once", async () => {
    const c = await started("Disputing Customer");
    await notify("evt_d0", [payment(c.checkoutId, "succeeded", "pi_disputed")]);
    const dispute: GatewayEvent = {
      kind: "dispute",
      paymentReference: "pi_disputed",
      disputeReference: "dp_1",
      amountMinor: c.invoice.totalMinor,
      reason: "fraudulent",
    };
    await notify("evt_d1", [dispute]);
    await notify("evt_d2", [dispute]);
    expect((await notificationTypes()).filter((t) => t === "payment_disputed")).toHaveLength(1);
    const disputed = (await staffEmailSubjects()).filter((s) =>
      /Disputing Customer (ha disputado un pago|disputed a payment)/.test(s),
    );
    expect(disputed).toHaveLength(1);
  });

  test("a payment event whose C5 preference is off is in the bell, not emailed", async () => {
    await putNotificationPrefs({ payment_disputed: false });
    try {
      const c = await started("Quiet Dispute Customer");
      await notify("evt_q0", [payment(c.checkoutId, "succeeded", "pi_quiet")]);
      await notify("evt_q1", [
        {
          kind: "dispute",
          paymentReference: "pi_quiet",
          disputeReference: "dp_q",
          amountMinor: c.invoice.totalMinor,
          reason: "fraudulent",
        },
      ]);
      expect((await notificationTypes()).filter((t) => t === "payment_disputed")).toHaveLength(2);
      const quiet = (await staffEmailSubjects()).filter((s) => /Quiet Dispute/.test(s));
      expect(quiet.some((s) => /disput/.test(s))).toBe(false);
      expect(quiet.some((s) => /recibido|received/.test(s))).toBe(true);
    } finally {
      await putNotificationPrefs({ payment_disputed: true });
    }
  });
});

describe("online refunds (A10)", () => {
  async function paidByGateway(
    name: string,
  ): Promise<{ payment: PaymentDetail; invoiceId: string; reference: string }> {
    const c = await buildSignedInCustomer(ctx, org, name);
    const res = await pay(c.cookie, c.invoice.id, `${name.replace(/\W/g, "")}-key`, "stripe");
    const checkoutId = idOf(res.json().checkoutUrl);
    await notify(`evt_${checkoutId}`, [
      { kind: "payment", checkoutId, reference: `pi_${checkoutId}`, status: "succeeded" },
    ]);
    const paymentId = (await invoiceOf(c.invoice.id)).allocations[0]?.sourceId as string;
    return {
      payment: (await staff("GET", `/api/payments/${paymentId}`)).json(),
      invoiceId: c.invoice.id,
      reference: `pi_${checkoutId}`,
    };
  }
  const refund = (p: PaymentDetail, amountMinor: number, expectedRefundedMinor = 0) =>
    staff("POST", `/api/payments/${p.id}/refunds`, {
      amountMinor,
      method: "other",
      refundedOn: p.paidOn,
      expectedRefundedMinor,
    });

  test("the provider is called with the refund's idempotency key; its answer settles the refund", async () => {
    const { payment, invoiceId, reference } = await paidByGateway("Refunded Customer");
    fake.refund = "succeeded";
    fake.refunds.length = 0;
    const res = await refund(payment, 1000);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ refundedMinor: 1000 });
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(refunds).where(eq(refunds.paymentId, payment.id)),
    );
    expect(fake.refunds).toEqual([
      {
        paymentReference: reference,
        amountMinor: 1000,
        currency: "EUR",
        idempotencyKey: refundIdempotencyKey(payment.id, 0, 1000),
      },
    ]);
    expect(row).toMatchObject({ status: "succeeded", gatewayReference: expect.stringMatching(/^re_/) });
    expect(await invoiceOf(invoiceId)).toMatchObject({ status: "partially_paid" });
  });

  test("a refused refund is taken back and staff told; a pending one settles on the provider's notification", async () => {
    const { payment, invoiceId, reference } = await paidByGateway("Refused Refund Customer");
    fake.refund = "failed";
    const refused = await refund(payment, 500);
    expect([refused.statusCode, refused.json().code]).toEqual([502, "REFUND_FAILED"]);
    fake.refund = "down";
    fake.refunds.length = 0;
    const down = await refund(payment, 500);
    expect([down.statusCode, down.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
    expect((await staff("GET", `/api/payments/${payment.id}`)).json()).toMatchObject({ refundedMinor: 0 });
    expect(await invoiceOf(invoiceId)).toMatchObject({ status: "paid" });
    expect(await notificationTypes()).toContain("refund_failed");
    // No answer may still be a refund at the provider: staff are told so, and the same refund again
    // carries the same idempotency key, so the provider refunds once.
    expect(await notificationTypes()).toContain("refund_unconfirmed");
    fake.refund = "succeeded";
    expect((await refund(payment, 500)).json()).toMatchObject({ refundedMinor: 500 });
    expect(fake.refunds.map((r) => r.idempotencyKey)).toEqual([
      fake.refunds[0]?.idempotencyKey,
      fake.refunds[0]?.idempotencyKey,
    ]);
    expect(fake.refunds).toHaveLength(2);

    fake.refund = "pending";
    expect((await refund(payment, 700, 500)).json()).toMatchObject({ refundedMinor: 1200 });
    const [pending] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(refunds)
        .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "pending"))),
    );
    expect(pending?.gatewayReference).toMatch(/^re_/);
    await notify("evt_rf", [
      {
        kind: "refund",
        paymentReference: reference,
        refundReference: pending?.gatewayReference as string,
        amountMinor: 700,
        status: "succeeded",
      },
    ]);
    const [settled] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select()
        .from(refunds)
        .where(eq(refunds.id, pending?.id as string)),
    );
    expect(settled?.status).toBe("succeeded");
  });

  test("a refund notification that overtakes the provider's answer is refused (503) and applies when sent again", async () => {
    const { payment, reference } = await paidByGateway("Overtaken Refund Customer");
    fake.refund = "pending";
    const event = (refundReference: string): GatewayEvent => ({
      kind: "refund",
      paymentReference: reference,
      refundReference,
      amountMinor: 300,
      status: "succeeded",
    });
    let early = 0;
    let sent = "";
    fake.duringRefund = async (refundReference) => {
      sent = refundReference;
      early = (await notify("evt_overtaking", [event(refundReference)])).statusCode;
    };
    try {
      expect((await refund(payment, 300)).json()).toMatchObject({ refundedMinor: 300 });
    } finally {
      fake.duringRefund = null;
    }
    expect(early).toBe(503);
    expect((await notify("evt_overtaking", [event(sent)])).json()).toEqual({
      received: true,
      duplicate: false,
    });
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(refunds).where(eq(refunds.paymentId, payment.id)),
    );
    expect(row).toMatchObject({ status: "succeeded", gatewayReference: sent });
  });

  test("two refunds in parallel never exceed what was paid", async () => {
    const { payment } = await paidByGateway("Parallel Refund Customer");
    fake.refund = "succeeded";
    const both = await Promise.all([
      refund(payment, payment.amountMinor),
      refund(payment, payment.amountMinor),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await staff("GET", `/api/payments/${payment.id}`)).json()).toMatchObject({
      refundedMinor: payment.amountMinor,
    });
  });
});
