import { afterAll, beforeAll, expect, test } from "vitest";
import { emails } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { GOOD_PASSWORD, OTHER_PASSWORD, setPassword } from "../../modules/portal-auth/test-helpers.js";
import { buildCustomer, buildInvoice, buildOrg, loginStaff, openLink, type TestOrg } from "../factories.js";
import { createTestContext, TEST_PUBLIC_URL, type TestContext } from "../harness.js";

/**
 * Host header injection: every email the product sends is triggered here by a request carrying a
 * forged Host and X-Forwarded-* headers, and every link in every email must still start with
 * PUBLIC_URL. A new email kind must be added to EXPECTED_KINDS, which fails until it is covered.
 */
const FORGED = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "http",
};
const EXPECTED_KINDS = [
  "document_shared",
  "invitation",
  "invoice_sent",
  "password_changed",
  "password_reset",
  "payment_receipt",
  "staff_notification",
  "staff_password_changed",
  "staff_password_reset",
];

let ctx: TestContext;
let org: TestOrg;

const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object, cookie?: string) =>
  ctx.app.inject({ method, url, payload, headers: { ...FORGED, ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
  ctx = await createTestContext();
  org = await buildOrg(ctx, "Links");
  const customer = await buildCustomer(ctx, org, "Links Customer");
  const [primary, second] = customer.contacts;
  if (!primary?.email || !second?.email) throw new Error("contacts need emails");
  const base = `/api/portal/${org.slug}`;

  // invitation
  const invite = await call(
    "POST",
    `/api/customers/${customer.id}/contacts/${second.id}/portal-access`,
    { mode: "invite" },
    org.cookie,
  );
  expect(invite.statusCode).toBe(200);
  // password_reset, then password_changed
  await setPassword(ctx, org, primary.id, GOOD_PASSWORD);
  expect((await call("POST", `${base}/password/forgot`, { email: primary.email })).statusCode).toBe(200);
  const resetMail = await mailText("password_reset");
  const token = /reset-password\?token=([\w-]+)/.exec(resetMail)?.[1] ?? "";
  const reset = await call("POST", `${base}/password/reset`, {
    token,
    password: OTHER_PASSWORD,
    confirm: OTHER_PASSWORD,
  });
  expect(reset.statusCode).toBe(200);
  // staff_password_reset, then staff_password_changed (decision 016)
  expect((await call("POST", "/api/auth/password/forgot", { email: org.email })).statusCode).toBe(200);
  const staffToken = /reset-password\?token=([\w-]+)/.exec(await mailText("staff_password_reset"))?.[1] ?? "";
  const staffReset = await call("POST", "/api/auth/password/reset", {
    token: staffToken,
    password: OTHER_PASSWORD,
    confirm: OTHER_PASSWORD,
  });
  expect(staffReset.statusCode).toBe(200);
  org = { ...org, cookie: await loginStaff(ctx, org.email, OTHER_PASSWORD) };
  // invoice_sent, then staff_notification (invoice viewed, on) and payment_receipt
  await call(
    "PUT",
    "/api/portal-settings",
    { notificationPrefs: { invoice_viewed: true, payment_received: true } },
    org.cookie,
  );
  const invoice = await buildInvoice(ctx, org, customer.id, { issue: true });
  expect((await call("POST", `/api/invoices/${invoice.id}/send`, {}, org.cookie)).statusCode).toBe(200);
  const link = /https?:\/\/\S+\/p\/\S+\/l\/[\w-]+/.exec(await mailText("invoice_sent"))?.[0] ?? "";
  const { cookie } = await openLink(ctx, link);
  expect((await call("GET", `${base}/invoices/${invoice.id}`, undefined, cookie)).statusCode).toBe(200);
  const pay = await call(
    "POST",
    `${base}/invoices/${invoice.id}/pay`,
    { idempotencyKey: "links-0001" },
    cookie,
  );
  expect(pay.statusCode).toBe(200);
  const checkout = new URL(pay.json().checkoutUrl);
  const submitted = await ctx.app.inject({
    method: "POST",
    url: `${checkout.pathname}${checkout.search}`,
    headers: { ...FORGED, cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: "action=succeeded",
  });
  expect(submitted.statusCode).toBe(303);
  const back = new URL(String(submitted.headers.location), TEST_PUBLIC_URL);
  await ctx.app.inject({ url: `${back.pathname}${back.search}`, headers: FORGED });
  // document_shared (E14)
  const shared = await call(
    "POST",
    `${base}/invoices/${invoice.id}/share`,
    { name: "Forwarded", email: "forwarded@example.com" },
    cookie,
  );
  expect(shared.statusCode).toBe(200);
});
afterAll(() => ctx.close());

async function allEmails() {
  return withOrg(ctx.database.db, org.orgId, (tx) => tx.select().from(emails));
}

async function mailText(kind: string): Promise<string> {
  const rows = (await allEmails()).filter((e) => e.kind === kind);
  return rows.at(-1)?.textBody ?? "";
}

test("every kind of email was sent by the requests above", async () => {
  const kinds = [...new Set((await allEmails()).map((e) => e.kind))].sort();
  expect(kinds).toEqual(EXPECTED_KINDS);
});

test("every link in every email starts with PUBLIC_URL, whatever Host the request carried", async () => {
  const bad: string[] = [];
  for (const e of await allEmails()) {
    const body = `${e.textBody}\n${e.htmlBody}`;
    if (body.includes("evil.example")) bad.push(`${e.kind} mentions the forged host`);
    for (const [url] of body.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
      if (!url.startsWith(`${TEST_PUBLIC_URL}/`)) bad.push(`${e.kind}: ${url}`);
    }
  }
  expect(bad).toEqual([]);
});
