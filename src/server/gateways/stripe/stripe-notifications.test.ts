import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nowMs } from "../../clock.js";
import { AppError } from "../../errors/errors.js";
import { type StripeFake, startStripeFake } from "../../test/fakes/stripe-fake.js";
import type { PayOutcome, StripeObject } from "../../test/fakes/stripe-fake-state.js";
import { checkoutInput, fakeCredentials, fakeEnv } from "../../test/fakes/stripe-gateway-support.js";
import type { CheckoutInput, GatewayEvent } from "../gateway.js";
import { stripeGateway } from "./stripe-gateway.js";

let fake: StripeFake;
beforeAll(async () => {
  fake = await startStripeFake();
});
afterAll(() => fake.close());

type Evt = ReturnType<StripeFake["event"]>;

async function verify(evt: Evt, opts: Parameters<StripeFake["signed"]>[1] = {}) {
  const { rawBody, headers } = fake.signed(evt, opts);
  return stripeGateway.verifyNotification(fakeCredentials(fake), fakeEnv(fake), {
    rawBody,
    headers,
    query: {},
  });
}
const eventsOf = async (evt: Evt) => (await verify(evt)).events;

/** A checkout started through the gateway and what the payer then did on Stripe's page. */
async function checkout(outcome: PayOutcome, overrides: Partial<CheckoutInput> = {}) {
  const input = checkoutInput(overrides);
  input.payer.mayPayByBank = true;
  const started = await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
  const { session, intent } = fake.state.pay(started.providerRef, outcome);
  return { input, session, intent };
}

async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("PAYMENT_SIGNATURE_INVALID");
}

describe("verifyNotification: signatures", () => {
  it("reads a genuine checkout.session.completed of a card payment as one succeeded payment", async () => {
    const { input, session, intent } = await checkout({ method: "card", result: "succeeded" });
    const evt = fake.event("checkout.session.completed", session);
    const verified = await verify(evt);
    expect(verified.eventId).toBe(evt.id);
    expect(verified.events).toEqual([
      {
        kind: "payment",
        checkoutId: input.checkoutId,
        reference: intent.id,
        amount: { amountMinor: input.amountMinor, currency: input.currency },
        status: "succeeded",
        savedMethod: null,
      },
    ]);
  });

  it("refuses a tampered body, another secret, a missing header and a signature older than five minutes", async () => {
    const { session } = await checkout({ method: "card", result: "succeeded" });
    const evt = fake.event("checkout.session.completed", session);
    await refused(verify(evt, { tamper: true }));
    await refused(verify(evt, { secret: "whsec_someoneElse0000001" }));
    await refused(verify(evt, { timestamp: Math.floor(nowMs() / 1000) - 301 }));
    // Late within Stripe's five minutes, and delivered twice: the same event id both times.
    const late = await verify(evt, { timestamp: Math.floor(nowMs() / 1000) - 240 });
    expect(late.eventId).toBe((await verify(evt)).eventId);
    const { rawBody } = fake.signed(evt);
    const input = { rawBody, headers: {}, query: {} };
    await refused(stripeGateway.verifyNotification(fakeCredentials(fake), fakeEnv(fake), input));
  });

  it("a genuine notification it cannot re-read (Stripe down) is GATEWAY_UNAVAILABLE, so Stripe retries it", async () => {
    const { session } = await checkout({ method: "card", result: "succeeded" });
    fake.setOutage({ kind: "error", status: 503 });
    const error = await verify(fake.event("checkout.session.completed", session)).catch((e: unknown) => e);
    fake.setOutage(null);
    expect((error as AppError).code).toBe("GATEWAY_UNAVAILABLE");
  });
});

describe("verifyNotification: what happened", () => {
  it("3-D Secure still pending on Stripe's page is no payment yet", async () => {
    const { intent } = await checkout({ method: "card", result: "requires_action" });
    expect(await eventsOf(fake.event("payment_intent.requires_action", intent))).toEqual([
      { kind: "ignored", why: "Portico does not act on payment_intent.requires_action" },
    ]);
    expect(await eventsOf(fake.event("payment_intent.payment_failed", intent))).toEqual([
      { kind: "ignored", why: `payment ${intent.id} is requires_action` },
    ]);
  });

  it.each([
    ["fraudulent", "CP3003"],
    ["incorrect_zip", "CP3004"],
    ["duplicate_transaction", "CP3005"],
    ["generic_decline", undefined],
  ])(
    "a card declined with %s: no event while the payer may retry; failed with %s once the session expired",
    async (declineCode, cp) => {
      const { input, session, intent } = await checkout({ method: "card", result: "declined", declineCode });
      expect(await eventsOf(fake.event("payment_intent.payment_failed", intent))).toEqual([
        { kind: "ignored", why: `payment ${intent.id} was declined (${declineCode}); the payer may retry` },
      ]);
      const expired = fake.state.expire(session.id);
      const [event] = await eventsOf(fake.event("checkout.session.expired", expired));
      expect(event).toEqual({
        kind: "payment",
        checkoutId: input.checkoutId,
        reference: intent.id,
        amount: { amountMinor: input.amountMinor, currency: input.currency },
        status: "failed",
        providerCode: declineCode,
        ...(cp ? { failureCode: cp } : {}),
      });
    },
  );

  it("a session that expired before the payer tried anything is a cancelled checkout", async () => {
    const input = checkoutInput();
    const started = await stripeGateway.startCheckout(fakeCredentials(fake), fakeEnv(fake), input);
    const expired = fake.state.expire(started.providerRef);
    expect(await eventsOf(fake.event("checkout.session.expired", expired))).toEqual([
      { kind: "payment", checkoutId: input.checkoutId, reference: started.providerRef, status: "cancelled" },
    ]);
  });

  it("SEPA: processing on completion, succeeded when the bank settles, even if the events arrive reversed", async () => {
    const { input, session, intent } = await checkout({ method: "sepa_debit", result: "processing" });
    const completed = fake.event("checkout.session.completed", session);
    expect((await eventsOf(completed))[0]).toMatchObject({
      status: "processing",
      checkoutId: input.checkoutId,
    });

    fake.state.settle(intent.id, "succeeded");
    const settled = fake.event("checkout.session.async_payment_succeeded", session);
    const late = fake.event("payment_intent.processing", intent);
    fake.state.settle(intent.id, "succeeded");
    expect((await eventsOf(settled))[0]).toMatchObject({ status: "succeeded", reference: intent.id });
    // Delivered after the settlement, the stale "processing" and "completed (unpaid)" read the state now.
    expect((await eventsOf(late))[0]).toMatchObject({ status: "succeeded" });
    expect((await eventsOf(completed))[0]).toMatchObject({ status: "succeeded" });
  });

  it("SEPA: a debit that bounces after processing fails, and so does a replay of its completion", async () => {
    const { session, intent } = await checkout({ method: "sepa_debit", result: "processing" });
    const completed = fake.event("checkout.session.completed", session);
    fake.state.settle(intent.id, "failed");
    const failed = fake.event("checkout.session.async_payment_failed", session);
    expect((await eventsOf(failed))[0]).toMatchObject({ status: "failed", reference: intent.id });
    expect((await eventsOf(completed))[0]).toMatchObject({ status: "failed" });
  });

  it("a card saved for later (E12) comes with its customer, id and label", async () => {
    const { intent } = await checkout(
      { method: "card", result: "succeeded", brand: "mastercard", last4: "4444" },
      { saveMethod: true },
    );
    const [event] = await eventsOf(fake.event("payment_intent.succeeded", intent));
    expect(event).toMatchObject({
      status: "succeeded",
      savedMethod: {
        providerMethodId: intent.payment_method,
        providerCustomerId: intent.customer,
        label: "Mastercard ····4444",
      },
    });
  });

  it("refunds: charge.refunded lists every settled refund; refund.updated reports a failed one", async () => {
    const { intent } = await checkout({ method: "card", result: "succeeded" }, { amountMinor: 10_000 });
    const refund = (amount: number) =>
      stripeGateway.refund?.(fakeCredentials(fake), fakeEnv(fake), {
        paymentReference: intent.id,
        amountMinor: amount,
        currency: "EUR",
        idempotencyKey: crypto.randomUUID(),
      });
    const first = await refund(3_000);
    const second = await refund(7_000);
    const events = await eventsOf(fake.event("charge.refunded", fake.state.chargeOf(intent.id)));
    const expected = (ref: string | undefined, amountMinor: number, status: string): GatewayEvent =>
      ({
        kind: "refund",
        paymentReference: intent.id,
        refundReference: ref,
        amountMinor,
        status,
      }) as GatewayEvent;
    expect(events).toEqual([
      expected(first?.reference, 3_000, "succeeded"),
      expected(second?.reference, 7_000, "succeeded"),
    ]);

    const bounced = fake.state.failRefund(String(second?.reference));
    expect(await eventsOf(fake.event("refund.updated", bounced))).toEqual([
      expected(second?.reference, 7_000, "failed"),
    ]);
    expect(await eventsOf(fake.event("refund.failed", bounced))).toEqual([
      expected(second?.reference, 7_000, "failed"),
    ]);
  });

  it("a dispute is reported with its amount and reason; other events are ignored", async () => {
    const { intent } = await checkout({ method: "card", result: "succeeded" }, { amountMinor: 5_000 });
    const dispute = fake.state.dispute(intent.id, "fraudulent");
    expect(await eventsOf(fake.event("charge.dispute.created", dispute))).toEqual([
      {
        kind: "dispute",
        paymentReference: intent.id,
        disputeReference: dispute.id,
        amountMinor: 5_000,
        reason: "fraudulent",
      },
    ]);
    const customer: StripeObject = { id: "cus_test_1", object: "customer" };
    expect((await eventsOf(fake.event("customer.created", customer)))[0]).toMatchObject({ kind: "ignored" });
  });
});
