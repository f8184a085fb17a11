import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Customer, InvoiceDetail } from "../../../shared/contracts/index.js";
import { providerGateways } from "../../gateways/registry.js";
import { contactCookieName } from "../../http/cookies.js";
import {
  buildCustomer,
  buildInvoice,
  buildOrg,
  signInContactByLink,
  type TestOrg,
} from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";
import { startContactSession } from "../contact-sessions/contact-sessions.service.js";

/** Issue 9: the sandbox's hosted page acts only for its contact; invoices offer only enabled gateways. */
/** The sandbox (outside production) and every provider this build registers. */
const available = ["sandbox", ...providerGateways().map((g) => g.id)];
const relative = (url: string) => url.replace("https://portico.test", "");
const form = { "content-type": "application/x-www-form-urlencoded" };

/** What a test server offers organisations: the sandbox, then every provider registered (issue 13). */

async function openInvoice(ctx: TestContext, org: TestOrg, name: string) {
  const customer: Customer = await buildCustomer(ctx, org, name);
  const invoice: InvoiceDetail = await buildInvoice(ctx, org, customer.id, { issue: true });
  const primary = customer.contacts.find((c) => c.isPrimary);
  const cookie = await signInContactByLink(ctx, org, invoice.id, primary?.email as string);
  return { customer, invoice, cookie, contactId: primary?.id as string };
}
const staffGet = (ctx: TestContext, org: TestOrg, url: string) =>
  ctx.app.inject({ url, headers: { cookie: org.cookie } });
const portalGet = (ctx: TestContext, org: TestOrg, cookie: string, path: string) =>
  ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie } });
const payNow = (ctx: TestContext, org: TestOrg, cookie: string, invoiceId: string, key: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${invoiceId}/pay`,
    headers: { cookie },
    payload: { idempotencyKey: key },
  });

describe("the sandbox gateway's hosted page (outside production)", () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext();
    org = await buildOrg(ctx, "Sandbox Binding Org");
  });
  afterAll(() => ctx.close());

  test("only the contact session that opened the checkout can use it; others get CHECKOUT_NOT_YOURS", async () => {
    const a = await openInvoice(ctx, org, "Payer A");
    const b = await openInvoice(ctx, org, "Stranger B");
    const started = await payNow(ctx, org, a.cookie, a.invoice.id, "bind-0001");
    expect(started.statusCode).toBe(200);
    const url = relative(started.json().checkoutUrl);
    const preview = await startContactSession(ctx.database.db, {
      orgId: org.orgId,
      customerId: a.customer.id,
      contactId: a.contactId,
      origin: "preview",
      ip: "127.0.0.1",
    });
    const strangers: Record<string, string> = {
      anonymous: "",
      "another customer's contact": b.cookie,
      "a staff preview of the same contact": `${contactCookieName(ctx.config, org.orgId)}=${preview}`,
      "the staff owner": org.cookie,
    };
    for (const [who, cookie] of Object.entries(strangers)) {
      const headers = cookie ? { cookie } : {};
      const post = await ctx.app.inject({
        method: "POST",
        url,
        headers: { ...headers, ...form },
        payload: "action=succeeded",
      });
      expect([who, post.statusCode, post.json().code]).toEqual([who, 403, "CHECKOUT_NOT_YOURS"]);
      expect((await ctx.app.inject({ url, headers })).statusCode, who).toBe(403);
    }
    const unpaid: InvoiceDetail = (await staffGet(ctx, org, `/api/invoices/${a.invoice.id}`)).json();
    expect(unpaid).toMatchObject({ paidMinor: 0, allocations: [] });

    const own = await ctx.app.inject({
      method: "POST",
      url,
      headers: { cookie: a.cookie, ...form },
      payload: "action=succeeded",
    });
    expect(own.statusCode).toBe(303);
    await ctx.app.inject({ url: String(own.headers.location) });
    const paid: InvoiceDetail = (await staffGet(ctx, org, `/api/invoices/${a.invoice.id}`)).json();
    expect(paid.status).toBe("paid");
  });
});

describe("the organisation's enabled gateways", () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext();
    org = await buildOrg(ctx, "No Gateway Org", { gateways: [] });
  });
  afterAll(() => ctx.close());

  test("a new organisation enables none: its invoices offer no Pay now, pay and pay-all are refused", async () => {
    expect((await staffGet(ctx, org, "/api/payment-gateways")).json()).toEqual({
      enabled: [],
      available,
      offered: [],
    });
    const o = await openInvoice(ctx, org, "Cannot Pay");
    const detail = await portalGet(ctx, org, o.cookie, `/invoices/${o.invoice.id}`);
    expect(detail.json()).toMatchObject({ canPay: false });
    expect((await portalGet(ctx, org, o.cookie, "/home")).json().allows.payAll).toBe(false);
    const pay = await payNow(ctx, org, o.cookie, o.invoice.id, "none-0001");
    expect([pay.statusCode, pay.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
  });

  test("once enabled, new invoices offer it; an unknown gateway is refused and changes nothing", async () => {
    const bad = await ctx.app.inject({
      method: "PUT",
      url: "/api/payment-gateways",
      headers: { cookie: org.cookie },
      payload: { enabled: ["sandbox", "bitcoin"] },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
    // A provider this server runs, without credentials stored, cannot be offered either.
    const unset = await ctx.app.inject({
      method: "PUT",
      url: "/api/payment-gateways",
      headers: { cookie: org.cookie },
      payload: { enabled: ["sandbox", "stripe"] },
    });
    expect([unset.statusCode, unset.json().code]).toEqual([422, "GATEWAY_CREDENTIALS_MISSING"]);
    expect((await staffGet(ctx, org, "/api/payment-gateways")).json().enabled).toEqual([]);
    const ok = await ctx.app.inject({
      method: "PUT",
      url: "/api/payment-gateways",
      headers: { cookie: org.cookie },
      payload: { enabled: ["sandbox"] },
    });
    expect(ok.json()).toEqual({ enabled: ["sandbox"], available, offered: ["sandbox"] });
    const o = await openInvoice(ctx, org, "Can Pay");
    expect((await portalGet(ctx, org, o.cookie, `/invoices/${o.invoice.id}`)).json()).toMatchObject({
      canPay: true,
    });
    expect((await payNow(ctx, org, o.cookie, o.invoice.id, "some-0001")).statusCode).toBe(200);
  });
});

describe("production without PORTICO_DEMO", () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext({
      NODE_ENV: "production",
      APP_SECRET: "p".repeat(40),
      PORTICO_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    org = await buildOrg(ctx, "Production Org");
  });
  afterAll(() => ctx.close());

  test("the sandbox's routes answer 404 and no invoice offers it, even to an organisation that enabled it", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect((await ctx.app.inject({ url: `/sandbox/checkout/${id}` })).statusCode).toBe(404);
    const hook = await ctx.app.inject({
      method: "POST",
      url: "/api/gateways/sandbox/webhook",
      headers: { "x-sandbox-signature": "x" },
      payload: { session: id, status: "succeeded", reference: "r" },
    });
    expect([hook.statusCode, hook.json().code]).toEqual([404, "NOT_FOUND"]);
    const o = await openInvoice(ctx, org, "Production Customer");
    expect((await portalGet(ctx, org, o.cookie, `/invoices/${o.invoice.id}`)).json()).toMatchObject({
      canPay: false,
    });
    const pay = await payNow(ctx, org, o.cookie, o.invoice.id, "prod-0001");
    expect([pay.statusCode, pay.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
    const enable = await ctx.app.inject({
      method: "PUT",
      url: "/api/payment-gateways",
      headers: { cookie: org.cookie },
      payload: { enabled: ["sandbox"] },
    });
    expect([enable.statusCode, enable.json().code]).toEqual([422, "GATEWAY_NOT_AVAILABLE"]);
  });
});
