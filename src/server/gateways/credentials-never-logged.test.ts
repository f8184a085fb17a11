import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readZip } from "../modules/organisation-data/zip.js";
import { buildCustomer, buildInvoice, buildOrg, type TestOrg } from "../test/factories.js";
import { PaypalFake } from "../test/fakes/paypal-fake.js";
import { type RedsysFake, startRedsysFake } from "../test/fakes/redsys-fake.js";
import { type StripeFake, startStripeFake } from "../test/fakes/stripe-fake.js";
import { createTestContext, TEST_PUBLIC_URL, type TestContext } from "../test/harness.js";
import { contactSessionCookie } from "../test/scenarios.js";
import { clearPaypalTokens } from "./paypal/paypal-client.js";

/**
 * Issue 13: "credentials never appear in any log line or export". The app logs every line at trace level
 * to a stream this file reads, while staff save, test (right, wrong, provider down) and use each
 * provider's credentials (a checkout, a provider error, a forged notification); then no 8-character run
 * of any secret is in the log, nor in the organisation's export. Also (gateway-events.service.ts): a
 * notification whose credentials cannot be loaded for another reason than "none" is a 503 with a log line.
 */
const hex = () => randomBytes(12).toString("hex");
const stripeKeys = { secretKey: `sk_test_${hex()}`, webhookSecret: `whsec_${hex()}` };
const paypalAccount = {
  clientId: `AZlogs${hex()}`,
  clientSecret: `ELogs${hex()}`,
  webhookId: "4LOGS0WEBHOOK",
};
const redsysMerchant = {
  merchantCode: "999008881",
  terminal: "1",
  secretKey: randomBytes(24).toString("base64"),
};
const wrong = {
  stripe: { ...stripeKeys, secretKey: `sk_test_${hex()}` },
  paypal: { ...paypalAccount, clientSecret: `EWrong${hex()}` },
  redsys: { ...redsysMerchant, secretKey: randomBytes(24).toString("base64") },
};
const SECRETS = [
  stripeKeys.secretKey,
  stripeKeys.webhookSecret,
  paypalAccount.clientSecret,
  redsysMerchant.secretKey,
  wrong.stripe.secretKey,
  wrong.paypal.clientSecret,
  wrong.redsys.secretKey,
];

/** Every 8-character run of a secret, its public prefix (sk_test_, whsec_) left out. */
const runsOf = (secret: string) => {
  const core = secret.replace(/^(?:(?:sk|rk)_(?:test|live)_|whsec_)/, "");
  return Array.from({ length: core.length - 7 }, (_, i) => core.slice(i, i + 8));
};
function expectNoSecret(text: string, where: string) {
  for (const secret of SECRETS)
    for (const run of runsOf(secret)) expect(text.includes(run), `${where} holds "${run}"`).toBe(false);
}

const lines: string[] = [];
let ctx: TestContext;
let org: TestOrg;
let stripe: StripeFake;
let paypal: PaypalFake;
let redsys: RedsysFake;

beforeAll(async () => {
  [stripe, paypal, redsys] = await Promise.all([
    startStripeFake(stripeKeys),
    PaypalFake.start([paypalAccount]),
    startRedsysFake(redsysMerchant),
  ]);
  ctx = await createTestContext(
    {
      STRIPE_API_BASE: stripe.baseUrl,
      PAYPAL_API_BASE: paypal.url,
      REDSYS_BASE: redsys.base,
      GATEWAY_TIMEOUT_MS: "1000",
      LOG_LEVEL: "trace",
    },
    undefined,
    { logger: { stream: { write: (line: string) => void lines.push(line) } } },
  );
  org = await buildOrg(ctx, "Quiet Logs", { gateways: ["stripe", "paypal", "redsys"] });
  const settings = (await staff("GET", "/api/portal-settings")).json();
  await staff("PUT", "/api/portal-settings", {
    ...settings,
    options: { ...settings.options, allowPaypal: true },
  });
});
afterAll(async () => {
  await ctx?.close();
  await Promise.all([stripe?.close(), paypal?.close(), redsys?.close()]);
});

function staff(method: "GET" | "PUT" | "POST", url: string, payload?: object) {
  return ctx.app.inject({ method, url, payload, headers: { cookie: org.cookie } });
}

const providers = [
  {
    id: "stripe",
    right: stripeKeys,
    down: (on: boolean) => stripe.setOutage(on ? { kind: "error", status: 503 } : null),
  },
  { id: "paypal", right: paypalAccount, down: (on: boolean) => (paypal.down = on) },
  { id: "redsys", right: redsysMerchant, down: (on: boolean) => (redsys.mode = on ? "down" : "up") },
] as const;

describe.each(providers)("$id's credentials", ({ id, right, down }) => {
  test("saved, tested right, wrong and with the provider down, used and refused: never logged", async () => {
    const from = lines.length;
    const answers: string[] = [];
    const call = async (method: "GET" | "PUT" | "POST", url: string, payload?: object) => {
      const res = await staff(method, url, payload);
      answers.push(res.body);
      return res;
    };
    clearPaypalTokens();
    expect((await call("PUT", `/api/payment-gateways/${id}/credentials`, wrong[id])).statusCode).toBe(200);
    const refused = await call("POST", `/api/payment-gateways/${id}/test`);
    expect([refused.statusCode, refused.json().code]).toEqual([502, "CP3002"]);
    expect((await call("PUT", `/api/payment-gateways/${id}/credentials`, right)).statusCode).toBe(200);
    clearPaypalTokens();
    expect((await call("POST", `/api/payment-gateways/${id}/test`)).json()).toEqual({ ok: true });
    expect((await call("GET", "/api/payment-gateways/credentials")).statusCode).toBe(200);

    const customer = await buildCustomer(ctx, org, `Payer ${id}`);
    const invoice = await buildInvoice(ctx, org, customer.id, {
      issue: true,
      lines: [{ description: "Work", quantityMilli: 1000, unitPriceMinor: 10_000 }],
    });
    const cookie = await contactSessionCookie(ctx, org, customer, "link");
    const pay = () =>
      ctx.app.inject({
        method: "POST",
        url: `/api/portal/${org.slug}/invoices/${invoice.id}/pay`,
        headers: { cookie },
        payload: { idempotencyKey: crypto.randomUUID(), gateway: id },
      });
    down(true);
    const unavailable = await (async () => {
      clearPaypalTokens();
      const tested = await call("POST", `/api/payment-gateways/${id}/test`);
      const paid = await pay();
      answers.push(paid.body);
      return [tested.json().code, paid.statusCode];
    })();
    down(false);
    // RedSys' checkout is a form the payer's browser posts: Portico calls no provider to start it.
    expect(unavailable).toEqual(["GATEWAY_UNAVAILABLE", id === "redsys" ? 200 : 503]);
    const started = await pay();
    answers.push(started.body);
    expect(started.statusCode, started.body).toBe(200);
    const checkoutUrl: string = started.json().checkoutUrl;
    if (checkoutUrl.startsWith(TEST_PUBLIC_URL)) {
      // RedSys: Portico's own page with the form signed with the secret key.
      const page = await ctx.app.inject({
        url: checkoutUrl.replace(TEST_PUBLIC_URL, ""),
        headers: { cookie },
      });
      expect(page.body).toContain("Ds_Signature");
      answers.push(page.body);
    }

    const forged = await ctx.app.inject({
      method: "POST",
      url: `/api/gateways/${id}/notify/${org.orgId}`,
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      payload: JSON.stringify({ id: "evt_forged", type: "checkout.session.completed" }),
    });
    answers.push(forged.body);
    expect(forged.statusCode).toBe(400);

    const logged = lines.slice(from);
    expect(logged.length).toBeGreaterThan(10);
    expect(logged.join("")).toContain(`"url":"/api/gateways/${id}/notify/${org.orgId}"`);
    expectNoSecret(logged.join("\n"), `${id}'s log lines`);
    expectNoSecret(answers.join("\n"), `${id}'s API answers`);
  });
});

test("the organisation's export holds no credentials, only what Settings shows of them", async () => {
  const res = await staff("GET", "/api/organisation/export");
  expect(res.statusCode).toBe(200);
  const files = readZip(res.rawPayload);
  const credentials = files.find((f) => f.name === "data/gateway_credentials.json");
  expect(
    JSON.parse(String(credentials?.data))
      .map((row: { gateway: string }) => row.gateway)
      .sort(),
  ).toEqual(["paypal", "redsys", "stripe"]);
  expectNoSecret(files.map((f) => f.data.toString("latin1")).join("\n"), "the export");
});

test("a notification whose credentials cannot be read (not missing) is a 503 with a log line, no 404", async () => {
  const from = lines.length;
  // The database fails the read (here: the table is away for a moment), as an outage would.
  const { db } = ctx.database;
  await db.execute(sql`alter table gateway_credentials rename to gateway_credentials_away`);
  const res = await ctx.app
    .inject({
      method: "POST",
      url: `/api/gateways/stripe/notify/${org.orgId}`,
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      payload: "{}",
    })
    .finally(() => db.execute(sql`alter table gateway_credentials_away rename to gateway_credentials`));
  expect([res.statusCode, res.json().code]).toEqual([503, "GATEWAY_UNAVAILABLE"]);
  const logged = lines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(logged).toContainEqual(
    expect.objectContaining({
      level: 50,
      gateway: "stripe",
      orgId: org.orgId,
      code: "42P01",
      msg: "gateway notification: the organisation's credentials could not be loaded",
    }),
  );
  // Missing credentials are still 404: another organisation has none.
  const other = await buildOrg(ctx, "No Keys");
  const missing = await ctx.app.inject({
    method: "POST",
    url: `/api/gateways/stripe/notify/${other.orgId}`,
    headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
    payload: "{}",
  });
  expect(missing.statusCode).toBe(404);
});
