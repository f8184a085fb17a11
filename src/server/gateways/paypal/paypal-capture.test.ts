import { describe, expect, test } from "vitest";
import { AppError } from "../../errors/errors.js";
import type { PayerOutcome } from "../../test/fakes/paypal-fake.js";
import { checkoutInput, merchant, setUpPaypalFake } from "../../test/fakes/paypal-fake-setup.js";
import { capturePaypalOrder } from "./paypal-capture.js";
import { paypalGateway } from "./paypal-gateway.js";

const rig = setUpPaypalFake();

/** A started checkout the payer approved with `outcome`, and the payer's return to Portico. */
async function approved(outcome: PayerOutcome | null = "approve", amountMinor = 5_000) {
  const input = checkoutInput({ amountMinor });
  const { providerRef: orderId } = await paypalGateway.startCheckout(merchant, rig.env, input);
  if (outcome) rig.fake.approve(orderId, outcome);
  const capture = (over: Partial<typeof input> = {}) =>
    capturePaypalOrder(merchant, rig.env, { ...input, ...over, orderId });
  return { input, orderId, capture };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : e),
  );

describe("the payer's return: capture and the capture's own status", () => {
  test("an approved order is captured: a succeeded payment whose reference is the capture id", async () => {
    const { input, orderId, capture } = await approved();
    const back = await capture();
    const captureId = rig.fake.order(orderId).captureId;
    expect(back).toEqual({
      kind: "captured",
      event: {
        kind: "payment",
        checkoutId: input.checkoutId,
        reference: captureId,
        amount: { amountMinor: input.amountMinor, currency: input.currency },
        status: "succeeded",
      },
    });
    const [sent] = rig.fake.requestsTo(`/v2/checkout/orders/${orderId}/capture`);
    expect(sent?.headers["paypal-request-id"]).toMatch(/^capture-/);
  });

  test("coming back twice (reload, two tabs) captures once and reads the same capture", async () => {
    const { orderId, capture } = await approved();
    const [a, b] = await Promise.all([capture(), capture()]);
    const again = await capture();
    expect(a.kind).toBe("captured");
    expect(b).toEqual(a);
    expect(again).toEqual(a);
    expect([...rig.fake.captures.values()].filter((c) => c.orderId === orderId)).toHaveLength(1);
  });

  test("a COMPLETED order whose capture was DECLINED is a failed payment (CP3003)", async () => {
    const { capture } = await approved("capture-declined");
    const back = await capture();
    expect(back.kind === "captured" && back.event).toMatchObject({
      status: "failed",
      failureCode: "CP3003",
      providerCode: "DECLINED",
    });
  });

  test("a PENDING capture is processing, not paid", async () => {
    const { capture } = await approved("pending");
    const back = await capture();
    expect(back.kind === "captured" && back.event).toMatchObject({
      status: "processing",
      providerCode: "PENDING_REVIEW",
    });
  });

  test("INSTRUMENT_DECLINED sends the payer back to PayPal to choose another way to pay (CP3003), then captures", async () => {
    const { orderId, capture } = await approved("instrument-declined");
    expect(await capture()).toEqual({
      kind: "payer-action",
      url: `${rig.fake.url}/checkoutnow?token=${orderId}`,
      failureCode: "CP3003",
    });
    rig.fake.approve(orderId);
    expect((await capture()).kind).toBe("captured");
  });

  test("PAYER_ACTION_REQUIRED (3-D Secure) and an order not approved yet send the payer to PayPal", async () => {
    const { orderId, capture } = await approved("payer-action");
    const url = `${rig.fake.url}/checkoutnow?token=${orderId}`;
    expect(await capture()).toEqual({ kind: "payer-action", url });
    const notYet = await approved(null);
    expect(await notYet.capture()).toEqual({
      kind: "payer-action",
      url: `${rig.fake.url}/checkoutnow?token=${notYet.orderId}`,
    });
  });

  test("an order that is not this checkout's (another checkout id or amount) is refused", async () => {
    const { capture } = await approved();
    expect(await codeOf(capture({ checkoutId: "33333333-3333-4333-8333-333333333333" }))).toBe(
      "PAYMENT_SIGNATURE_INVALID",
    );
    expect(await codeOf(capture({ amountMinor: 4_999 }))).toBe("PAYMENT_SIGNATURE_INVALID");
  });

  test("an unknown order is NOT_FOUND; PayPal down is GATEWAY_UNAVAILABLE and captures nothing", async () => {
    expect(await codeOf(capturePaypalOrder(merchant, rig.env, { ...checkoutInput(), orderId: "NOPE" }))).toBe(
      "NOT_FOUND",
    );
    const { orderId, capture } = await approved();
    rig.fake.down = true;
    expect(await codeOf(capture())).toBe("GATEWAY_UNAVAILABLE");
    rig.fake.down = false;
    expect(rig.fake.order(orderId).status).toBe("APPROVED");
  });
});
