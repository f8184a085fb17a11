import { beforeAll, describe, expect, test } from "vitest";
import { AppError } from "../../errors/errors.js";
import {
  capturedCheckout,
  merchant,
  otherMerchant,
  setUpPaypalFake,
} from "../../test/fakes/paypal-fake-setup.js";
import type { SignedWebhook } from "../../test/fakes/paypal-fake-signing.js";
import type { NotificationInput } from "../gateway.js";
import { paypalGateway } from "./paypal-gateway.js";

const rig = setUpPaypalFake();
let captureId = "";
let checkoutId = "";

beforeAll(async () => {
  ({ captureId, checkoutId } = await capturedCheckout(rig, 8_000));
});

const asInput = (w: SignedWebhook): NotificationInput => ({
  rawBody: w.rawBody,
  headers: w.headers,
  query: {},
});
const verify = (w: SignedWebhook, creds = merchant) =>
  paypalGateway.verifyNotification(creds, rig.env, asInput(w));
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : e),
  );

describe("verifying a webhook by PayPal's postback", () => {
  test("PAYMENT.CAPTURE.COMPLETED is this checkout's payment; the postback carries the webhook id and the event", async () => {
    const event = rig.fake.captureEvent(captureId) as { id: string };
    const signed = rig.fake.sign(event, merchant);
    expect(await verify(signed)).toEqual({
      eventId: event.id,
      events: [
        {
          kind: "payment",
          checkoutId,
          reference: captureId,
          amount: { amountMinor: 8_000, currency: "EUR" },
          status: "succeeded",
        },
      ],
    });
    const postback = rig.fake.requestsTo("/v1/notifications/verify-webhook-signature").at(-1)?.body;
    expect(postback).toMatchObject({
      webhook_id: merchant.webhookId,
      transmission_id: signed.headers["paypal-transmission-id"],
      webhook_event: event,
    });
  });

  test("a replay (PayPal retries: new transmission, same event id) verifies to the same event id", async () => {
    const event = rig.fake.captureEvent(captureId);
    const ids = await Promise.all([1, 2, 3].map(() => verify(rig.fake.sign(event, merchant))));
    expect(new Set(ids.map((v) => v.eventId)).size).toBe(1);
  });

  test("tampered, badly signed, signed for another merchant's webhook, or unsigned: PAYMENT_SIGNATURE_INVALID", async () => {
    const event = rig.fake.captureEvent(captureId);
    expect(await codeOf(verify(rig.fake.sign(event, merchant, { tamper: true })))).toBe(
      "PAYMENT_SIGNATURE_INVALID",
    );
    expect(await codeOf(verify(rig.fake.sign(event, merchant, { badSignature: true })))).toBe(
      "PAYMENT_SIGNATURE_INVALID",
    );
    expect(await codeOf(verify(rig.fake.sign(event, otherMerchant)))).toBe("PAYMENT_SIGNATURE_INVALID");
    expect(await codeOf(verify(rig.fake.sign(event, merchant), otherMerchant))).toBe(
      "PAYMENT_SIGNATURE_INVALID",
    );
    const { rawBody } = rig.fake.sign(event, merchant);
    expect(await codeOf(verify({ rawBody, headers: {} }))).toBe("PAYMENT_SIGNATURE_INVALID");
    const notJson = { ...rig.fake.sign(event, merchant), rawBody: Buffer.from("{nope") };
    expect(await codeOf(verify(notJson))).toBe("PAYMENT_SIGNATURE_INVALID");
    rig.fake.failNext("verify", 400, "VALIDATION_ERROR");
    expect(await codeOf(verify(rig.fake.sign(event, merchant)))).toBe("PAYMENT_SIGNATURE_INVALID");
  });

  test("PayPal down during the postback is GATEWAY_UNAVAILABLE (PayPal retries the webhook later)", async () => {
    const signed = rig.fake.sign(rig.fake.captureEvent(captureId), merchant);
    rig.fake.down = true;
    expect(await codeOf(verify(signed))).toBe("GATEWAY_UNAVAILABLE");
  });
});

describe("what each event means", () => {
  const read = async (event: object) => (await verify(rig.fake.sign(event, merchant))).events;

  test("DENIED and DECLINED captures fail the payment; PENDING is processing", async () => {
    expect(await read(rig.fake.captureEvent(captureId, "PAYMENT.CAPTURE.DENIED"))).toEqual([
      {
        kind: "payment",
        checkoutId,
        reference: captureId,
        amount: { amountMinor: 8_000, currency: "EUR" },
        status: "failed",
        failureCode: "CP3003",
        providerCode: "DECLINED",
      },
    ]);
    const [declined] = await read(rig.fake.captureEvent(captureId, "PAYMENT.CAPTURE.DECLINED"));
    expect(declined).toMatchObject({ status: "failed" });
    const [pending] = await read(rig.fake.captureEvent(captureId, "PAYMENT.CAPTURE.PENDING"));
    expect(pending).toMatchObject({ status: "processing", reference: captureId });
  });

  test("REFUNDED and REVERSED are refunds of the capture (named by its `up` link)", async () => {
    expect(await read(rig.fake.refundEvent(captureId, "REFUND1", 2_550))).toEqual([
      {
        kind: "refund",
        paymentReference: captureId,
        refundReference: "REFUND1",
        amountMinor: 2_550,
        status: "succeeded",
      },
    ]);
    const [reversed] = await read(rig.fake.refundEvent(captureId, "REV1", 8_000, "PAYMENT.CAPTURE.REVERSED"));
    expect(reversed).toMatchObject({ kind: "refund", paymentReference: captureId, amountMinor: 8_000 });
  });

  test("CUSTOMER.DISPUTE.CREATED is a dispute of the capture; other events are ignored", async () => {
    const [dispute] = await read(rig.fake.disputeEvent(captureId));
    expect(dispute).toMatchObject({
      kind: "dispute",
      paymentReference: captureId,
      disputeReference: expect.stringMatching(/^PP-D-/),
      amountMinor: 8_000,
      reason: "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
    });
    const other = { id: "WH-OTHER", event_type: "CHECKOUT.ORDER.APPROVED", resource: { id: "X" } };
    expect(await read(other)).toEqual([{ kind: "ignored", why: "PayPal event CHECKOUT.ORDER.APPROVED" }]);
  });
});
