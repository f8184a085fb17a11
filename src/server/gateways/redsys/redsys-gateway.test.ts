import Fastify from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../errors/errors.js";
import { type RedsysFake, redsysTestMerchant, startRedsysFake } from "../../test/fakes/redsys-fake.js";
import type { CheckoutInput, GatewayEnv, NotificationInput } from "../gateway.js";
import { parseDsResponse, redsysOutcome } from "./redsys-codes.js";
import { redsysCredentials } from "./redsys-credentials.js";
import { redsysGateway } from "./redsys-gateway.js";

const credentials = redsysCredentials.parse(redsysTestMerchant);
const v2Credentials = { ...credentials, signatureVersion: "HMAC_SHA512_V2" as const };

let fake: RedsysFake;
let env: GatewayEnv;
/** A stand-in for Portico's notification endpoint: it keeps each raw body RedSys posts. */
const received: NotificationInput[] = [];
let notifyUrl = "";
const receiver = Fastify({ logger: false });

beforeAll(async () => {
  fake = await startRedsysFake();
  env = {
    publicUrl: "http://portico.test",
    stripeApiBase: "http://127.0.0.1:9",
    paypalApiBase: "http://127.0.0.1:9",
    redsysBase: fake.base,
    timeoutMs: 1_000,
  };
  receiver.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "buffer" },
    (_r, body, done) => done(null, body),
  );
  receiver.post("/api/gateways/redsys/notify/:orgId", async (request) => {
    received.push({ rawBody: request.body as Buffer, headers: request.headers, query: {} });
    return "ok";
  });
  await receiver.listen({ port: 0, host: "127.0.0.1" });
  const address = receiver.server.address();
  notifyUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/gateways/redsys/notify/org-1`;
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

beforeEach(() => {
  fake.mode = "up";
  fake.currencies = ["978"];
  fake.refundsEnabled = true;
  received.length = 0;
});

let checkoutSeq = 0;
function checkoutInput(overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  checkoutSeq += 1;
  return {
    checkoutId: `00000000-0000-4000-8000-${String(checkoutSeq).padStart(12, "0")}`,
    orgId: "org-1",
    amountMinor: 12_345,
    currency: "EUR",
    description: "Invoice F2026-0001 · Acme",
    invoiceIds: ["inv-1"],
    payer: {
      customerId: "c-1",
      contactId: "ct-1",
      name: "Ana Pérez",
      email: "ana@example.com",
      language: "es",
    },
    successUrl: "http://portico.test/p/acme/invoices/inv-1?paid=1",
    cancelUrl: "http://portico.test/p/acme/invoices/inv-1",
    notifyUrl,
    idempotencyKey: `key-${checkoutSeq}`,
    ...overrides,
  };
}

/** What the payer's browser does with a `form` start: post its fields to its action. */
async function postForm(action: string, fields: Record<string, string>) {
  const response = await fetch(action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return response.text();
}

async function startAndPost(creds = credentials, overrides: Partial<CheckoutInput> = {}) {
  const input = checkoutInput(overrides);
  const start = await redsysGateway.startCheckout(creds, env, input);
  if (start.kind !== "form") throw new Error("RedSys starts with a form");
  const html = await postForm(start.action, start.fields);
  return { input, start, html };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) {
      errorsSeen.push(error);
      return error;
    }
    throw error;
  }
  throw new Error("expected a failure");
}
const errorsSeen: AppError[] = [];

const asInput = (fields: Record<string, string>): NotificationInput => ({
  rawBody: Buffer.from(new URLSearchParams(fields).toString()),
  headers: { "content-type": "application/x-www-form-urlencoded" },
  query: {},
});

describe("RedSys checkout start", () => {
  it("signs a form RedSys' page accepts, with the amount in cents and Portico's checkout in MerchantData", async () => {
    const { input, start, html } = await startAndPost();
    expect(start).toMatchObject({ kind: "form", action: `${fake.base}/sis/realizarPago` });
    if (start.kind !== "form") return;
    expect(Object.keys(start.fields).sort()).toEqual([
      "Ds_MerchantParameters",
      "Ds_Signature",
      "Ds_SignatureVersion",
    ]);
    expect(start.providerRef).toMatch(/^\d{4}[0-9A-Za-z]{8}$/);
    expect(html).toContain("123.45 EUR");
    const sent = fake.orders.get(start.providerRef);
    expect(sent?.params).toMatchObject({
      DS_MERCHANT_AMOUNT: "12345",
      DS_MERCHANT_CURRENCY: "978",
      DS_MERCHANT_TRANSACTIONTYPE: "0",
      DS_MERCHANT_MERCHANTCODE: "999008881",
      DS_MERCHANT_TERMINAL: "1",
      DS_MERCHANT_MERCHANTDATA: input.checkoutId,
      DS_MERCHANT_MERCHANTURL: notifyUrl,
      DS_MERCHANT_URLOK: input.successUrl,
      DS_MERCHANT_URLKO: input.cancelUrl,
      DS_MERCHANT_CONSUMERLANGUAGE: "001",
    });
  });

  it("signs HMAC_SHA512_V2 forms for terminals on the newer version", async () => {
    const { start } = await startAndPost(v2Credentials);
    if (start.kind !== "form") return;
    expect(start.fields.Ds_SignatureVersion).toBe("HMAC_SHA512_V2");
    expect(fake.orders.get(start.providerRef)?.status).toBe("pending");
  });

  it("retried with the same idempotency key, signs the same order: RedSys takes it once", async () => {
    const input = checkoutInput();
    const first = await redsysGateway.startCheckout(credentials, env, input);
    const again = await redsysGateway.startCheckout(credentials, env, input);
    const other = await redsysGateway.startCheckout(credentials, env, checkoutInput());
    expect(again.providerRef).toBe(first.providerRef);
    expect(other.providerRef).not.toBe(first.providerRef);
    if (first.kind !== "form") return;
    await postForm(first.action, first.fields);
    await fake.complete(first.providerRef, "pay");
    expect(await postForm(first.action, first.fields)).toContain("SIS0051");
  });

  it("refuses currencies RedSys is not set up for (CP4003) and amounts below one cent (CP4001)", async () => {
    expect(
      (await failure(redsysGateway.startCheckout(credentials, env, checkoutInput({ currency: "JPY" })))).code,
    ).toBe("CP4003");
    expect(
      (await failure(redsysGateway.startCheckout(credentials, env, checkoutInput({ amountMinor: 0 })))).code,
    ).toBe("CP4001");
  });

  it("a form signed with the wrong key is refused by RedSys' page (SIS0042)", async () => {
    const wrong = { ...credentials, secretKey: "Mk9m98IfEblmPfrpsawt7BmxObt98Jev" };
    const { html } = await startAndPost(wrong);
    expect(html).toContain("SIS0042");
  });
});

describe("RedSys notifications", () => {
  it("a payment notification RedSys posts (twice) reads as one succeeded payment", async () => {
    const { input, start } = await startAndPost();
    const statuses = await fake.notify(start.providerRef, { times: 2 });
    expect(statuses).toEqual([200, 200]);
    expect(received).toHaveLength(2);
    const [first, second] = await Promise.all(
      received.map((body) => redsysGateway.verifyNotification(credentials, env, body)),
    );
    expect(first?.events).toEqual([
      {
        kind: "payment",
        checkoutId: input.checkoutId,
        reference: start.providerRef,
        amount: { amountMinor: input.amountMinor, currency: input.currency },
        status: "succeeded",
      },
    ]);
    expect(second?.eventId).toBe(first?.eventId);
  });

  it("reads HMAC_SHA512_V2 notifications, base64url signatures and URL-encoded fields", async () => {
    const { input, start } = await startAndPost(v2Credentials);
    const late = await fake.notify(start.providerRef, { delayMs: 50 });
    expect(late).toEqual([200]);
    const body = received[0] as NotificationInput;
    expect(body.rawBody.toString()).toContain("Ds_SignatureVersion=HMAC_SHA512_V2");
    const verified = await redsysGateway.verifyNotification(v2Credentials, env, body);
    expect(verified.events[0]).toMatchObject({ checkoutId: input.checkoutId, status: "succeeded" });
  });

  it.each([
    ["0190", "failed", "CP3003"],
    ["0180", "failed", "CP3003"],
    ["0184", "failed", "CP3003"],
    ["0913", "failed", "CP3005"],
    ["0904", "failed", "CP3002"],
    ["0116", "failed", undefined],
    ["9915", "cancelled", undefined],
    ["0099", "succeeded", undefined],
  ])("Ds_Response %s is %s (%s), its code kept for staff", async (response, status, failureCode) => {
    const { start } = await startAndPost();
    const verified = await redsysGateway.verifyNotification(
      credentials,
      env,
      asInput(fake.notification(start.providerRef, { response })),
    );
    const event = verified.events[0];
    expect(event).toMatchObject({ kind: "payment", status });
    if (event?.kind !== "payment") return;
    expect(event.failureCode).toBe(failureCode);
    if (status !== "succeeded") expect(event.providerCode).toBe(response);
  });

  it("a missing, empty or malformed Ds_Response is declined, never read as 0000 (authorised)", () => {
    for (const value of [undefined, "", " ", "OK", "00000", "-1"]) {
      const parsed = parseDsResponse(value);
      expect(parsed.code, String(value)).toBe(-1);
      expect(redsysOutcome(parsed.code, "0")).toBe("declined");
      expect(redsysOutcome(parsed.code, "3")).toBe("declined");
    }
    expect(parseDsResponse("0")).toEqual({ code: 0, text: "0000" });
    expect(parseDsResponse("99")).toEqual({ code: 99, text: "0099" });
  });

  it("the payer's return to URL OK carries signed fields too, but only the server notification is read", async () => {
    const { start } = await startAndPost();
    const { redirect, statuses } = await fake.complete(start.providerRef, "decline");
    expect(statuses).toEqual([200]);
    const back = new URL(redirect);
    expect(back.pathname).toBe("/p/acme/invoices/inv-1");
    expect(back.searchParams.get("Ds_SignatureVersion")).toBe("HMAC_SHA256_V1");
    const verified = await redsysGateway.verifyNotification(
      credentials,
      env,
      received[0] as NotificationInput,
    );
    expect(verified.events[0]).toMatchObject({
      status: "failed",
      failureCode: "CP3003",
      providerCode: "0190",
    });
  });

  it("refuses a tampered signature, another key, edited parameters, an unknown version or another terminal", async () => {
    const { start } = await startAndPost();
    const good = fake.notification(start.providerRef);
    const edited = JSON.parse(Buffer.from(good.Ds_MerchantParameters as string, "base64").toString());
    edited.Ds_Amount = "1";
    const variants = [
      fake.notification(start.providerRef, { tamper: "signature" }),
      fake.notification(start.providerRef, { tamper: "key" }),
      { ...good, Ds_MerchantParameters: Buffer.from(JSON.stringify(edited)).toString("base64") },
      { ...good, Ds_SignatureVersion: "HMAC_SHA1" },
      { ...good, Ds_Signature: "" },
      { Ds_SignatureVersion: "HMAC_SHA256_V1", Ds_MerchantParameters: "bm90IGpzb24", Ds_Signature: "x" },
    ];
    for (const fields of variants) {
      const error = await failure(redsysGateway.verifyNotification(credentials, env, asInput(fields)));
      expect(error.code).toBe("PAYMENT_SIGNATURE_INVALID");
    }
    const otherTerminal = { ...credentials, terminal: "2" };
    const error = await failure(redsysGateway.verifyNotification(otherTerminal, env, asInput(good)));
    expect(error.code).toBe("PAYMENT_SIGNATURE_INVALID");
  });

  it("an order Portico did not start (no checkout in Ds_MerchantData) is ignored", async () => {
    const verified = await redsysGateway.verifyNotification(
      credentials,
      env,
      asInput(fake.notification("1234OTHERSHOP", { amountMinor: 100 })),
    );
    expect(verified.events).toEqual([{ kind: "ignored", why: "no Portico checkout in Ds_MerchantData" }]);
  });

  it("reads a refund notification (transaction type 3) as a refund of the order", async () => {
    const { start } = await startAndPost();
    const fields = fake.notification(start.providerRef, {
      response: "0900",
      transactionType: "3",
      amountMinor: 500,
    });
    const verified = await redsysGateway.verifyNotification(credentials, env, asInput(fields));
    expect(verified.events[0]).toMatchObject({
      kind: "refund",
      paymentReference: start.providerRef,
      amountMinor: 500,
      status: "succeeded",
    });
  });
});

describe("RedSys refunds and the connection test (REST)", () => {
  async function paidOrder(amountMinor = 10_000) {
    const { start } = await startAndPost(credentials, { amountMinor });
    await fake.complete(start.providerRef, "pay");
    return start.providerRef;
  }
  const refund = (order: string, amountMinor: number, currency = "EUR") =>
    redsysGateway.refund?.(credentials, env, {
      paymentReference: order,
      amountMinor,
      currency,
      idempotencyKey: `r-${amountMinor}`,
    }) ?? Promise.reject(new Error("no refund"));

  it("refunds part, then the rest; RedSys refuses more than was paid", async () => {
    const order = await paidOrder();
    expect(await refund(order, 2_500)).toMatchObject({ status: "succeeded" });
    expect(await refund(order, 7_500)).toMatchObject({ status: "succeeded" });
    expect((await failure(refund(order, 1))).code).toBe("REFUND_EXCEEDS_REFUNDABLE");
    const sent = fake.requests.filter((r) => r.path === "/sis/rest/trataPeticionREST" && r.params);
    expect(sent.at(-1)?.params).toMatchObject({ DS_MERCHANT_TRANSACTIONTYPE: "3", DS_MERCHANT_AMOUNT: "1" });
  });

  it("two refunds in parallel never return more than was paid", async () => {
    const order = await paidOrder();
    const results = await Promise.allSettled([refund(order, 6_000), refund(order, 6_000)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(fake.orders.get(order)?.refundedMinor).toBe(6_000);
  });

  it("a refund in a currency the terminal does not take is CP4003; of an unpaid order, RedSys' own refusal", async () => {
    const order = await paidOrder();
    expect((await failure(refund(order, 100, "USD"))).code).toBe("CP4003");
    const { start } = await startAndPost();
    const error = await failure(refund(start.providerRef, 100));
    expect(error).toMatchObject({
      code: "REFUND_FAILED",
      message: "RedSys refused the request: SIS0056",
    });
  });

  it("a terminal without refunds enabled is CP3001", async () => {
    const order = await paidOrder();
    fake.refundsEnabled = false;
    expect((await failure(refund(order, 100))).code).toBe("CP3001");
    expect(fake.orders.get(order)?.refundedMinor).toBe(0);
  });

  it("tests the connection: the right key passes, a wrong key or merchant is CP3002", async () => {
    await expect(redsysGateway.testConnection(credentials, env)).resolves.toBeUndefined();
    const wrongKey = { ...credentials, secretKey: "Mk9m98IfEblmPfrpsawt7BmxObt98Jev" };
    expect((await failure(redsysGateway.testConnection(wrongKey, env))).code).toBe("CP3002");
    expect(
      (await failure(redsysGateway.testConnection({ ...credentials, merchantCode: "999008882" }, env))).code,
    ).toBe("CP3002");
    expect(fake.requests.at(-1)?.error).toBe("SIS0026");
  });

  it("RedSys down, slow or unreachable is GATEWAY_UNAVAILABLE; down, nothing is refunded", async () => {
    const order = await paidOrder();
    fake.mode = "down";
    expect((await failure(refund(order, 100))).code).toBe("GATEWAY_UNAVAILABLE");
    expect((await failure(redsysGateway.testConnection(credentials, env))).code).toBe("GATEWAY_UNAVAILABLE");
    expect(fake.orders.get(order)?.refundedMinor).toBe(0);
    // A slow RedSys may still carry the refund out after Portico gave up: RedSys has no idempotency key,
    // so the refund is not retried (decision 027) and staff see GATEWAY_UNAVAILABLE.
    fake.mode = "slow";
    fake.slowMs = 1_500;
    const started = performance.now();
    expect((await failure(refund(order, 100))).code).toBe("GATEWAY_UNAVAILABLE");
    expect(performance.now() - started).toBeLessThan(1_400);
    fake.mode = "up";
    const gone = { ...env, redsysBase: "http://127.0.0.1:9" };
    expect((await failure(redsysGateway.testConnection(credentials, gone))).code).toBe("GATEWAY_UNAVAILABLE");
  });
});

describe("RedSys credentials", () => {
  it("takes RedSys' key format only, and masks the key", () => {
    expect(redsysCredentials.safeParse({ ...redsysTestMerchant, secretKey: "short" }).success).toBe(false);
    expect(redsysCredentials.safeParse({ ...redsysTestMerchant, merchantCode: "12" }).success).toBe(false);
    expect(redsysGateway.mask(credentials)).toEqual({
      merchantCode: "999008881",
      terminal: "1",
      secretKey: "••••0gJ7",
      signatureVersion: "HMAC_SHA256_V1",
    });
  });

  it("no error of this file carries the key", () => {
    expect(errorsSeen.length).toBeGreaterThan(10);
    for (const error of errorsSeen) {
      const text = JSON.stringify({ message: error.message, fields: error.fields, ext: error.extensions });
      expect(text).not.toContain(credentials.secretKey);
      expect(text).not.toContain("Mk9m98IfEblmPfrpsawt7BmxObt98Jev");
    }
  });
});
