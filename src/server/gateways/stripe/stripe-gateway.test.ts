import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../errors/errors.js";
import { type StripeFake, startStripeFake } from "../../test/fakes/stripe-fake.js";
import { field, listField } from "../../test/fakes/stripe-form.js";
import { checkoutInput, fakeCredentials, fakeEnv } from "../../test/fakes/stripe-gateway-support.js";
import { stripeGateway } from "./stripe-gateway.js";

let fake: StripeFake;
beforeAll(async () => {
  fake = await startStripeFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.setOutage(null);
  fake.setRefundStatus("succeeded");
});

const start = (overrides: Parameters<typeof checkoutInput>[0] = {}) =>
  stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), checkoutInput(overrides));

/** The AppError a promise fails with, and its text, which must never hold a key. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const text = `${(error as AppError).message} ${JSON.stringify(error)}`;
  for (const secret of [fake.secretKey, fake.webhookSecret, "sk_test_wrongKey00000001"]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(-8));
  }
  return error as AppError;
}

describe("credentials", () => {
  it("takes secret and webhook keys, and masks them", () => {
    expect(
      stripeGateway.credentials.safeParse({ secretKey: "pk_test_abc", webhookSecret: "x" }).success,
    ).toBe(false);
    expect(stripeGateway.mask(fakeCredentials(fake))).toEqual({
      secretKey: "sk_test_••••0001",
      webhookSecret: "whsec_••••0001",
    });
  });

  it("tests the connection with a balance read; a wrong key is CP3002", async () => {
    await stripeGateway.testConnection(fakeCredentials(fake), fakeEnv(fake));
    expect(fake.requestsTo("GET", "/v1/balance")).toHaveLength(1);
    const wrong = { ...fakeCredentials(fake), secretKey: "sk_test_wrongKey00000001" };
    expect((await failure(stripeGateway.testConnection(wrong, fakeEnv(fake)))).code).toBe("CP3002");
  });
});

describe("startCheckout", () => {
  it("opens a hosted Checkout Session for a new Stripe customer, in minor units, with Portico's metadata", async () => {
    const input = checkoutInput({ amountMinor: 12_345 });
    const started = await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
    const [customerCall] = fake.requestsTo("POST", "/v1/customers").slice(-1);
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(started).toMatchObject({ kind: "redirect", providerRef: expect.stringMatching(/^cs_test_/) });
    expect(started.kind === "redirect" && started.url).toContain(`/c/pay/${started.providerRef}`);
    expect(started.kind === "redirect" && started.providerCustomerId).toBe(field(call?.body, "customer"));
    expect(field(customerCall?.body, "email")).toBe("ana@example.com");
    expect(call?.headers["idempotency-key"]).toBe(input.idempotencyKey);
    expect(field(call?.body, "mode")).toBe("payment");
    expect(field(call?.body, "line_items", 0, "price_data", "unit_amount")).toBe("12345");
    expect(field(call?.body, "line_items", 0, "price_data", "currency")).toBe("eur");
    expect(field(call?.body, "metadata", "checkout_id")).toBe(input.checkoutId);
    expect(field(call?.body, "metadata", "invoice_ids")).toBe(input.invoiceIds.join(","));
    expect(field(call?.body, "payment_intent_data", "metadata", "checkout_id")).toBe(input.checkoutId);
    expect(field(call?.body, "payment_intent_data", "setup_future_usage")).toBeUndefined();
    expect(field(call?.body, "success_url")).toBe(input.successUrl);
    expect(field(call?.body, "cancel_url")).toBe(input.cancelUrl);
    expect(field(call?.body, "locale")).toBe("es");
    expect(listField(call?.body, "allowed_payment_method_types")).toEqual(["card"]);
    // Saved cards (E12) are "limited" redisplay: Checkout offers them only when asked to.
    const redisplay = ["always", "limited"].map((_, i) =>
      field(call?.body, "saved_payment_method_options", "allow_redisplay_filters", i),
    );
    expect(redisplay).toEqual(["always", "limited"]);
  });

  it("a reused customer Stripe no longer knows (other keys since) is replaced by a new one", async () => {
    const customersBefore = fake.requestsTo("POST", "/v1/customers").length;
    const input = checkoutInput({ providerCustomerId: "cus_from_the_old_account" });
    const started = await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
    const calls = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-2);
    expect(calls.map((c) => field(c.body, "customer"))).toEqual([
      "cus_from_the_old_account",
      started.kind === "redirect" ? started.providerCustomerId : "",
    ]);
    expect(fake.requestsTo("POST", "/v1/customers")).toHaveLength(customersBefore + 1);
    expect(calls[1]?.headers["idempotency-key"]).toBe(`${input.idempotencyKey}:fresh`);
  });

  it("offers SEPA Direct Debit in euros to a customer who may pay by bank, and saves the card when asked", async () => {
    const customer = await start();
    const reused = customer.kind === "redirect" ? customer.providerCustomerId : undefined;
    const customersBefore = fake.requestsTo("POST", "/v1/customers").length;
    const input = checkoutInput({ saveMethod: true, providerCustomerId: reused });
    input.payer.mayPayByBank = true;
    await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(fake.requestsTo("POST", "/v1/customers")).toHaveLength(customersBefore);
    expect(field(call?.body, "customer")).toBe(reused);
    expect(listField(call?.body, "allowed_payment_method_types")).toEqual(["card", "sepa_debit"]);
    expect(field(call?.body, "payment_intent_data", "setup_future_usage")).toBe("off_session");

    const dollars = checkoutInput({ currency: "USD" });
    dollars.payer.mayPayByBank = true;
    await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), dollars);
    const [usd] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    expect(listField(usd?.body, "allowed_payment_method_types")).toEqual(["card"]);
  });

  it("a retried start with the same idempotency key opens no second session", async () => {
    const input = checkoutInput();
    const first = await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
    const again = await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
    expect(again.providerRef).toBe(first.providerRef);
    expect(
      [...fake.state.sessions.values()].filter((s) => s.client_reference_id === input.checkoutId),
    ).toHaveLength(1);
  });

  it("splits many invoice ids over metadata keys of at most 500 characters", async () => {
    const invoiceIds = Array.from({ length: 30 }, () => crypto.randomUUID());
    await start({ invoiceIds });
    const [call] = fake.requestsTo("POST", "/v1/checkout/sessions").slice(-1);
    const keys = ["invoice_ids", "invoice_ids_2", "invoice_ids_3"];
    const values = keys.map((key) => field(call?.body, "metadata", key) ?? "");
    expect(values.every((v) => v.length <= 500)).toBe(true);
    expect(values.join(",").split(",")).toEqual(invoiceIds);
  });

  it("maps Stripe's refusals to CP codes: minimum CP4001, currency CP4003, credentials CP3002", async () => {
    expect((await failure(start({ amountMinor: 49 }))).code).toBe("CP4001");
    expect((await failure(start({ currency: "CHF" }))).code).toBe("CP4003");
    const wrong = { ...fakeCredentials(fake), secretKey: "sk_test_wrongKey00000001" };
    const refused = stripeGateway.startCheckout(wrong, fakeEnv(fake), checkoutInput());
    expect((await failure(refused)).code).toBe("CP3002");
  });

  it("a provider that is down or too slow is GATEWAY_UNAVAILABLE", async () => {
    fake.setOutage({ kind: "error", status: 503 });
    expect((await failure(start())).code).toBe("GATEWAY_UNAVAILABLE");
    fake.setOutage({ kind: "slow", delayMs: 1_500 });
    const slow = stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake, 200), checkoutInput());
    expect((await failure(slow)).code).toBe("GATEWAY_UNAVAILABLE");
    fake.setOutage(null);
    const nobody = { ...fakeEnv(fake), stripeApiBase: "http://127.0.0.1:9" };
    const closed = stripeGateway.startCheckout(fakeCredentials(fake), nobody, checkoutInput());
    expect((await failure(closed)).code).toBe("GATEWAY_UNAVAILABLE");
  });
});

describe("refund", () => {
  async function paidIntent(amountMinor = 10_000) {
    const started = await start({ amountMinor });
    const { intent } = fake.state.pay(started.providerRef, { method: "card", result: "succeeded" });
    return intent.id;
  }
  const refund = (
    paymentReference: string,
    amountMinor: number,
    idempotencyKey: string = crypto.randomUUID(),
  ) =>
    stripeGateway.refund?.(fakeCredentials(fake), fakeEnv(fake), {
      paymentReference,
      amountMinor,
      currency: "EUR",
      idempotencyKey,
    }) ?? Promise.reject(new Error("no refunds"));

  it("refunds part, then the rest, with Portico's idempotency key; more than paid is refused", async () => {
    const reference = await paidIntent();
    const partial = await refund(reference, 2_500, "refund-1");
    expect(partial).toMatchObject({ reference: expect.stringMatching(/^re_test_/), status: "succeeded" });
    const [call] = fake.requestsTo("POST", "/v1/refunds").slice(-1);
    expect(call?.headers["idempotency-key"]).toBe("refund-1");
    expect(field(call?.body, "amount")).toBe("2500");
    expect((await refund(reference, 2_500, "refund-1")).reference).toBe(partial.reference);
    expect((await failure(refund(reference, 7_501))).code).toBe("REFUND_EXCEEDS_REFUNDABLE");
    expect((await refund(reference, 7_500)).status).toBe("succeeded");
    expect((await failure(refund(reference, 1))).code).toBe("REFUND_EXCEEDS_REFUNDABLE");
  });

  it("answers pending and failed refunds as Stripe reports them; down is GATEWAY_UNAVAILABLE", async () => {
    const reference = await paidIntent();
    fake.setRefundStatus("pending");
    expect((await refund(reference, 100)).status).toBe("pending");
    fake.setRefundStatus("failed");
    expect(await refund(reference, 100)).toMatchObject({
      status: "failed",
      failureCode: "expired_or_canceled_card",
    });
    fake.setOutage({ kind: "error", status: 500 });
    expect((await failure(refund(reference, 100))).code).toBe("GATEWAY_UNAVAILABLE");
  });
});

describe("removeSavedMethod", () => {
  it("detaches the payment method at Stripe; one already gone is fine; a wrong key is CP3002", async () => {
    const started = await start({ saveMethod: true });
    const { intent } = fake.state.pay(started.providerRef, { method: "card", result: "succeeded" });
    const method = {
      providerMethodId: String(intent.payment_method),
      providerCustomerId: String(intent.customer),
    };
    const remove = stripeGateway.removeSavedMethod;
    await remove?.(fakeCredentials(fake), fakeEnv(fake), method);
    expect(fake.state.detached.has(method.providerMethodId)).toBe(true);
    await remove?.(fakeCredentials(fake), fakeEnv(fake), { ...method, providerMethodId: "pm_test_gone" });
    const wrong = { ...fakeCredentials(fake), secretKey: "sk_test_wrongKey00000001" };
    expect((await failure(remove?.(wrong, fakeEnv(fake), method) ?? Promise.resolve())).code).toBe("CP3002");
  });
});
