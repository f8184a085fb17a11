import { randomUUID } from "node:crypto";
import { AppError } from "../../errors/errors.js";
import type { GatewayEnv, GatewayEvent } from "../gateway.js";
import { fromPaypalValue } from "./paypal-amount.js";
import { paypalCall } from "./paypal-client.js";
import type { PaypalCredentials } from "./paypal-credentials.js";
import { PaypalApiError, toAppError } from "./paypal-errors.js";
import { approvalLink, linkOf, type PaypalCapture, type PaypalOrder } from "./paypal-wire.js";

export type PaymentEvent = Extract<GatewayEvent, { kind: "payment" }>;

/** What the payer's return from PayPal comes to. */
export type PaypalReturn =
  /** The order was captured: record it like a verified notification (the capture id is the reference). */
  | { kind: "captured"; event: PaymentEvent }
  /**
   * The payer must go back to PayPal: to choose another way to pay after a decline (INSTRUMENT_DECLINED,
   * `failureCode` CP3003, shown before sending them), or to finish what PayPal asked (PAYER_ACTION_REQUIRED,
   * or an order not approved yet).
   */
  | { kind: "payer-action"; url: string; failureCode?: "CP3003" };

export interface CaptureInput {
  /** PayPal's order id: `?token=` on the return URL, checked by the caller against the checkout's. */
  orderId: string;
  checkoutId: string;
  amountMinor: number;
  currency: string;
}

/**
 * Captures an approved order (`POST /v2/checkout/orders/:id/capture`) and reads the capture's own status:
 * an order can be COMPLETED while its capture was DECLINED.
 *
 * Each return gets its own `PayPal-Request-Id` (kept across the client's retry of a dropped connection):
 * PayPal may replay a refusal for a request id it saw, and a payer sent back after INSTRUMENT_DECLINED
 * must be able to capture again. A second return of the same order (reload, two tabs) cannot capture
 * twice either: PayPal answers ORDER_ALREADY_CAPTURED, and the order is read instead.
 */
export async function capturePaypalOrder(
  c: PaypalCredentials,
  env: GatewayEnv,
  input: CaptureInput,
): Promise<PaypalReturn> {
  const path = `/v2/checkout/orders/${encodeURIComponent(input.orderId)}`;
  let order: PaypalOrder;
  try {
    order = await paypalCall<PaypalOrder>(c, env, {
      method: "POST",
      path: `${path}/capture`,
      requestId: `capture-${randomUUID()}`,
      body: {},
    });
  } catch (err) {
    if (!(err instanceof PaypalApiError)) throw err;
    const again = await afterRefusal(c, env, path, err);
    if (again.kind !== "order") return again;
    order = again.order;
  }
  return { kind: "captured", event: readCapture(order, input) };
}

async function afterRefusal(
  c: PaypalCredentials,
  env: GatewayEnv,
  path: string,
  err: PaypalApiError,
): Promise<PaypalReturn | { kind: "order"; order: PaypalOrder }> {
  const read = () => paypalCall<PaypalOrder>(c, env, { method: "GET", path }).catch(rethrow);
  switch (err.issue) {
    case "ORDER_ALREADY_CAPTURED":
      return { kind: "order", order: await read() };
    case "INSTRUMENT_DECLINED": {
      const url = linkOf(err.links, "redirect") ?? approvalLink((await read()).links);
      if (url) return { kind: "payer-action", url, failureCode: "CP3003" };
      break;
    }
    case "PAYER_ACTION_REQUIRED":
    case "ORDER_NOT_APPROVED": {
      const url = linkOf(err.links, "payer-action") ?? approvalLink((await read()).links);
      if (url) return { kind: "payer-action", url };
      break;
    }
  }
  throw toAppError(err);
}

function rethrow(err: unknown): never {
  throw err instanceof PaypalApiError ? toAppError(err) : err;
}

/** The capture of this checkout's order, checked against what Portico asked PayPal to charge. */
function readCapture(order: PaypalOrder, input: CaptureInput): PaymentEvent {
  const unit = order.purchase_units?.[0];
  const capture = unit?.payments?.captures?.[0];
  if (!capture) throw new AppError("GATEWAY_UNAVAILABLE", [], `PayPal order ${order.id} has no capture`);
  const customId = capture.custom_id ?? unit?.custom_id;
  const amount = capture.amount;
  if (
    customId !== input.checkoutId ||
    amount?.currency_code !== input.currency ||
    fromPaypalValue(amount.value, input.currency) !== input.amountMinor
  ) {
    throw new AppError("PAYMENT_SIGNATURE_INVALID", [], `PayPal order ${order.id} is not this checkout's`);
  }
  return paymentEventOf(capture, input.checkoutId);
}

/** What the capture says it took, in minor units ("121.00" EUR → 12100); nothing when it says nothing. */
function amountOf(capture: PaypalCapture): Pick<PaymentEvent, "amount"> {
  const amount = capture.amount;
  if (!amount) return {};
  try {
    return {
      amount: {
        amountMinor: fromPaypalValue(amount.value, amount.currency_code),
        currency: amount.currency_code,
      },
    };
  } catch {
    // Not an amount at all: it matches no checkout's, so the event is recorded and not applied.
    return { amount: { amountMinor: -1, currency: amount.currency_code } };
  }
}

/** A capture's own status as a payment event (the return and the PAYMENT.CAPTURE.* webhooks agree). */
export function paymentEventOf(capture: PaypalCapture, checkoutId: string): PaymentEvent {
  const base = { kind: "payment" as const, checkoutId, reference: capture.id, ...amountOf(capture) };
  switch (capture.status) {
    case "COMPLETED":
    case "PARTIALLY_REFUNDED":
    case "REFUNDED":
      return { ...base, status: "succeeded" };
    case "PENDING":
      return { ...base, status: "processing", providerCode: capture.status_details?.reason ?? "PENDING" };
    default:
      return {
        ...base,
        status: "failed",
        failureCode: "CP3003",
        providerCode: capture.status_details?.reason ?? capture.status,
      };
  }
}
