import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EmailSummary, InvoiceDetail } from "../../../shared/contracts/index.js";
import { formatMoney } from "../../../shared/money/index.js";
import { checkoutSessions } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { type SandboxOutcome, sandboxSignature } from "../../gateways/sandbox/sandbox-signature.js";
import { buildCustomer, buildInvoice, buildOrg, openLink, type TestOrg } from "../../test/factories.js";
import { createTestContext, type TestContext } from "../../test/harness.js";

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Payments Org");
});
afterAll(() => ctx.close());

const staff = (url: string) => ctx.app.inject({ url, headers: { cookie: org.cookie } });
const relative = (url: string) => url.replace("https://portico.test", "");

interface Payer {
  invoice: InvoiceDetail;
  cookie: string;
  contactEmail: string;
}

/** A customer whose primary contact opened the emailed link to a new invoice. */
async function payer(
  name: string,
  lines?: NonNullable<Parameters<typeof buildInvoice>[3]>["lines"],
): Promise<Payer> {
  const customer = await buildCustomer(ctx, org, name);
  const invoice = await buildInvoice(ctx, org, customer.id, { issue: true, lines });
  const sent = await ctx.app.inject({
    method: "POST",
    url: `/api/invoices/${invoice.id}/send`,
    headers: { cookie: org.cookie },
    payload: {},
  });
  expect(sent.statusCode).toBe(200);
  const primary = customer.contacts.find((c) => c.isPrimary);
  const summary = ((await staff("/api/outbox?limit=200")).json().items as EmailSummary[]).find(
    (e) => e.toAddress === primary?.email,
  );
  const text: string = (await staff(`/api/outbox/${summary?.id}`)).json().textBody;
  const link = /https:\/\/portico\.test\/p\/[^\s]+\/l\/[A-Za-z0-9_-]+/.exec(text)?.[0] as string;
  const opened = await openLink(ctx, link);
  expect(opened.status).toBe(303);
  return { invoice, cookie: opened.cookie, contactEmail: primary?.email as string };
}

const pay = (p: Payer, idempotencyKey: string) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/portal/${org.slug}/invoices/${p.invoice.id}/pay`,
    headers: { cookie: p.cookie },
    payload: { idempotencyKey },
  });

/** Submits the sandbox gateway's hosted page like a browser and returns where it sends the payer. */
async function submitCheckout(p: Payer, checkoutUrl: string, action: SandboxOutcome): Promise<string> {
  const res = await ctx.app.inject({
    method: "POST",
    url: relative(checkoutUrl),
    headers: { cookie: p.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: `action=${action}`,
  });
  expect(res.statusCode).toBe(303);
  return String(res.headers.location);
}

type WebhookBody = Parameters<typeof sandboxSignature.sign>[1];
/** Posts the sandbox gateway's webhook, signed as the gateway signs it unless `signature` is given. */
const postWebhook = (body: WebhookBody, signature = sandboxSignature.sign(ctx.config, body)) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/gateways/sandbox/webhook",
    headers: { "x-sandbox-signature": signature },
    payload: body,
  });
const invoiceOf = async (id: string): Promise<InvoiceDetail> => (await staff(`/api/invoices/${id}`)).json();
const checkoutsOf = (invoiceId: string) =>
  withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .select()
      .from(checkoutSessions)
      .where(sql`${checkoutSessions.allocations} @> ${JSON.stringify([{ invoiceId }])}::jsonb`),
  );
const receiptsTo = async (address: string) =>
  ((await staff("/api/outbox?kind=payment_receipt&limit=200")).json().items as EmailSummary[]).filter(
    (e) => e.kind === "payment_receipt" && e.toAddress === address,
  );
const notificationsFor = async (invoiceId: string) =>
  ((await staff("/api/notifications")).json().items as { type: string; data: { invoiceId?: string } }[])
    .filter((n) => n.data.invoiceId === invoiceId)
    .map((n) => n.type)
    .sort();

describe("paying an invoice through the sandbox gateway", () => {
  let p: Payer;
  let checkoutUrl: string;

  beforeAll(async () => {
    p = await payer("Happy Payer");
  });

  test("pay returns the gateway's checkout URL; the same key gives the same checkout", async () => {
    const first = await pay(p, "click-0001");
    expect(first.statusCode).toBe(200);
    checkoutUrl = first.json().checkoutUrl;
    expect(checkoutUrl).toMatch(
      /^https:\/\/portico\.test\/sandbox\/checkout\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const again = await pay(p, "click-0001");
    expect(again.statusCode).toBe(200);
    expect(again.json().checkoutUrl).toBe(checkoutUrl);
    expect(await checkoutsOf(p.invoice.id)).toHaveLength(1);
  });

  test("concurrent requests with one key open one checkout and get the same URL", async () => {
    const other = await payer("Double Clicker");
    const results = await Promise.all(Array.from({ length: 10 }, () => pay(other, "double-click-1")));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.json().checkoutUrl)).size).toBe(1);
    expect(await checkoutsOf(other.invoice.id)).toHaveLength(1);
  });

  test("the hosted page shows the amount", async () => {
    const res = await ctx.app.inject({ url: relative(checkoutUrl), headers: { cookie: p.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain(formatMoney(p.invoice.totalMinor, "EUR", "en-GB"));
    expect(res.body).toContain("€242.00");
    expect(res.body).toContain(p.invoice.number);
    expect(res.body).toContain('value="succeeded"');
    const es = await ctx.app.inject({
      url: relative(checkoutUrl),
      headers: { cookie: p.cookie, "accept-language": "es" },
    });
    expect(es.body).toContain("242,00\u00a0€");
  });

  test("paying redirects back to the portal and marks the invoice paid", async () => {
    const back = await submitCheckout(p, checkoutUrl, "succeeded");
    expect(back).toMatch(/^\/api\/gateways\/sandbox\/return\?/);
    expect(new URL(back, "https://x").searchParams.get("signature")).toMatch(/^[0-9a-f]{64}$/);
    const landed = await ctx.app.inject({ url: back });
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe(`/p/${org.slug}/invoices/${p.invoice.id}?payment=succeeded`);

    const inv = await invoiceOf(p.invoice.id);
    expect(inv).toMatchObject({ status: "paid", paidMinor: inv.totalMinor, dueMinor: 0 });
    expect(inv.paidAt).not.toBeNull();
    expect(inv.allocations).toHaveLength(1);
    expect(inv.allocations[0]).toMatchObject({ amountMinor: 24200, sourceType: "payment" });
    expect(inv.allocations[0]?.sourceNumber).toMatch(/^RC\d{4}-0001$/);

    const portal = await ctx.app.inject({
      url: `/api/portal/${org.slug}/invoices/${p.invoice.id}`,
      headers: { cookie: p.cookie },
    });
    expect(portal.json()).toMatchObject({ status: "paid", canPay: false, dueMinor: 0 });
  });

  test("replays of the return and the webhook record nothing more", async () => {
    const back = await submitCheckout(p, checkoutUrl, "succeeded");
    const replay = await ctx.app.inject({ url: back });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe(`/p/${org.slug}/invoices/${p.invoice.id}?payment=succeeded`);
    expect((await ctx.app.inject({ url: back })).statusCode).toBe(303);

    const fields = Object.fromEntries(new URL(back, "https://x").searchParams);
    const body = { session: fields.session, status: fields.status, reference: fields.reference };
    const webhook = await postWebhook(body as WebhookBody);
    expect(webhook.statusCode).toBe(200);
    expect(webhook.json()).toEqual({ received: true, recorded: false });

    const inv = await invoiceOf(p.invoice.id);
    expect(inv).toMatchObject({ status: "paid", paidMinor: 24200 });
    expect(inv.allocations).toHaveLength(1);
    const receipts = await receiptsTo(p.contactEmail);
    expect(receipts).toHaveLength(1);
    const receipt = (await staff(`/api/outbox/${receipts[0]?.id}`)).json();
    expect(receipt.subject).toBe("Recibo de tu pago de 242,00\u00a0€ a Payments Org");
    expect(receipt.textBody).toContain(`factura ${p.invoice.number}`);
    expect(receipt.textBody).toContain(
      `https://portico.test/p/${org.slug}/payments/${inv.allocations[0]?.sourceId}`,
    );
    // Viewing the paid invoice in the portal (previous test) added its own invoice_viewed.
    expect(await notificationsFor(p.invoice.id)).toEqual([
      "invoice_paid",
      "invoice_viewed",
      "payment_received",
    ]);
  });

  test("a paid invoice cannot be paid again (409 INVOICE_NOT_PAYABLE)", async () => {
    const res = await pay(p, "click-after-paid");
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("INVOICE_NOT_PAYABLE");
  });
});

describe("what does not pay", () => {
  test("the webhook alone records the payment once", async () => {
    const p = await payer("Webhook Payer");
    const checkoutUrl = (await pay(p, "webhook-key-1")).json().checkoutUrl as string;
    const session = checkoutUrl.split("/").pop() as string;
    const body = { session, status: "succeeded" as const, reference: "sbx_webhook_only_1" };
    const send = () => postWebhook(body);
    expect((await send()).json()).toEqual({ received: true, recorded: true });
    expect((await send()).json()).toEqual({ received: true, recorded: false });
    const inv = await invoiceOf(p.invoice.id);
    expect(inv).toMatchObject({ status: "paid", paidMinor: 24200 });
    expect(inv.allocations).toHaveLength(1);
  });

  test("the return and the webhook arriving together record one payment", async () => {
    const p = await payer("Racing Payer");
    const checkoutUrl = (await pay(p, "race-key-01")).json().checkoutUrl as string;
    const back = await submitCheckout(p, checkoutUrl, "succeeded");
    const fields = Object.fromEntries(new URL(back, "https://x").searchParams);
    const body = {
      session: fields.session,
      status: "succeeded" as const,
      reference: fields.reference as string,
    };
    const webhook = () => postWebhook(body as WebhookBody);
    const results = await Promise.all([
      ctx.app.inject({ url: back }),
      webhook(),
      webhook(),
      ctx.app.inject({ url: back }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([303, 200, 200, 303]);
    const inv = await invoiceOf(p.invoice.id);
    expect(inv).toMatchObject({ status: "paid", paidMinor: 24200 });
    expect(inv.allocations).toHaveLength(1);
    expect(await receiptsTo(p.contactEmail)).toHaveLength(1);
    expect(await notificationsFor(p.invoice.id)).toEqual(["invoice_paid", "payment_received"]);
  });

  test("a tampered signature is refused (400 PAYMENT_SIGNATURE_INVALID) and changes nothing", async () => {
    const p = await payer("Tampered Payer");
    const checkoutUrl = (await pay(p, "tamper-key-1")).json().checkoutUrl as string;
    const back = new URL(await submitCheckout(p, checkoutUrl, "succeeded"), "https://x");
    const signature = back.searchParams.get("signature") as string;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`;

    const variants = [
      (() => {
        const u = new URL(back);
        u.searchParams.set("signature", flipped);
        return u;
      })(),
      (() => {
        const u = new URL(back);
        u.searchParams.set("reference", "sbx_forged_reference");
        return u;
      })(),
    ];
    for (const u of variants) {
      const res = await ctx.app.inject({ url: `${u.pathname}${u.search}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("PAYMENT_SIGNATURE_INVALID");
    }
    const body = {
      session: back.searchParams.get("session"),
      status: "succeeded",
      reference: back.searchParams.get("reference"),
    };
    const webhook = await postWebhook(body as WebhookBody, flipped);
    expect(webhook.statusCode).toBe(400);
    expect(webhook.json().code).toBe("PAYMENT_SIGNATURE_INVALID");

    const inv = await invoiceOf(p.invoice.id);
    expect(inv).toMatchObject({ status: "sent", paidMinor: 0, dueMinor: 24200 });
    expect(inv.allocations).toEqual([]);
    expect(await receiptsTo(p.contactEmail)).toEqual([]);
    expect(await notificationsFor(p.invoice.id)).toEqual([]);
  });

  test("a declined payment leaves the invoice unchanged and says so on return", async () => {
    const p = await payer("Declined Payer");
    const checkoutUrl = (await pay(p, "decline-key-1")).json().checkoutUrl as string;
    const back = await submitCheckout(p, checkoutUrl, "declined");
    const landed = await ctx.app.inject({ url: back });
    expect(landed.statusCode).toBe(303);
    expect(landed.headers.location).toBe(`/p/${org.slug}/invoices/${p.invoice.id}?payment=failed`);
    const inv = await invoiceOf(p.invoice.id);
    expect(inv).toMatchObject({ paidMinor: 0, dueMinor: 24200 });
    expect(inv.status).not.toBe("paid");
    expect(inv.allocations).toEqual([]);
    expect(await receiptsTo(p.contactEmail)).toEqual([]);
    // The hosted page of a finished checkout offers nothing to click; a new click opens a new checkout.
    expect((await ctx.app.inject({ url: relative(checkoutUrl) })).body).not.toContain("<form");
    const retry = await pay(p, "decline-key-2");
    expect(retry.statusCode).toBe(200);
    expect(retry.json().checkoutUrl).not.toBe(checkoutUrl);
  });

  test("a cancelled payment returns with payment=cancelled", async () => {
    const p = await payer("Cancelled Payer");
    const checkoutUrl = (await pay(p, "cancel-key-1")).json().checkoutUrl as string;
    const landed = await ctx.app.inject({ url: await submitCheckout(p, checkoutUrl, "cancelled") });
    expect(landed.headers.location).toBe(`/p/${org.slug}/invoices/${p.invoice.id}?payment=cancelled`);
    expect((await invoiceOf(p.invoice.id)).paidMinor).toBe(0);
  });

  test("an amount below 0.50 € cannot be paid online (CP4001)", async () => {
    const p = await payer("Tiny Payer", [
      { description: "Stamp", quantityMilli: 1000, unitPriceMinor: 49, taxIds: [] },
    ]);
    expect(p.invoice.totalMinor).toBe(49);
    const res = await pay(p, "tiny-key-01");
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "CP4001" });
    expect(res.json().cause).toMatch(/minimum/);
    expect(await checkoutsOf(p.invoice.id)).toEqual([]);
  });

  test("keeping the method for later charges at a gateway that keeps none is refused (CP4002)", async () => {
    const p = await payer("Saving Payer");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${p.invoice.id}/pay`,
      headers: { cookie: p.cookie },
      payload: { idempotencyKey: "save-key-001", saveMethod: true },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "CP4002" });
    expect(res.json().cause).toMatch(/recurring/);
    expect(await checkoutsOf(p.invoice.id)).toEqual([]);
  });

  test("an idempotency key reused for another invoice is a conflict", async () => {
    const a = await payer("Key Owner");
    expect((await pay(a, "shared-key-01")).statusCode).toBe(200);
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/portal/${org.slug}/invoices/${(await buildInvoice(ctx, org, a.invoice.customerId, { issue: true })).id}/pay`,
      headers: { cookie: a.cookie },
      payload: { idempotencyKey: "shared-key-01" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("CONFLICT");
  });
});
