import { type FakeCapture, newId, toValue } from "./paypal-fake-wire.js";

/** Webhook events as PayPal posts them (v1 envelope; capture and refund resources v2, disputes v1). */
function webhookEvent(type: string, resourceType: string, version: string, resource: object): object {
  return {
    id: `WH-${newId()}-${newId()}`,
    event_version: "1.0",
    create_time: new Date().toISOString(),
    resource_type: resourceType,
    resource_version: version,
    event_type: type,
    summary: type,
    resource,
    links: [],
  };
}

/** A webhook of a capture (`PAYMENT.CAPTURE.COMPLETED`, `.PENDING`, `.DENIED`) as PayPal posts it. */
export function captureEvent(base: string, c: FakeCapture, type: string): object {
  const status = type.endsWith("COMPLETED") ? "COMPLETED" : type.endsWith("PENDING") ? "PENDING" : "DECLINED";
  return webhookEvent(type, "capture", "2.0", {
    id: c.id,
    status,
    amount: { currency_code: c.currency, value: c.value },
    custom_id: c.customId,
    final_capture: true,
    supplementary_data: { related_ids: { order_id: c.orderId } },
    links: [{ href: `${base}/v2/payments/captures/${c.id}`, rel: "self", method: "GET" }],
  });
}

/** `PAYMENT.CAPTURE.REFUNDED` (or `.REVERSED`) of `amountMinor` of a capture. */
export function refundEvent(
  base: string,
  c: FakeCapture,
  refundId: string,
  amountMinor: number,
  type: string,
): object {
  return webhookEvent(type, "refund", "2.0", {
    id: refundId,
    status: "COMPLETED",
    amount: { currency_code: c.currency, value: toValue(amountMinor, c.currency) },
    links: [
      { href: `${base}/v2/payments/refunds/${refundId}`, rel: "self", method: "GET" },
      { href: `${base}/v2/payments/captures/${c.id}`, rel: "up", method: "GET" },
    ],
  });
}

export function disputeEvent(c: FakeCapture, reason: string): object {
  return webhookEvent("CUSTOMER.DISPUTE.CREATED", "dispute", "1.0", {
    dispute_id: `PP-D-${newId().slice(0, 5)}`,
    reason,
    status: "OPEN",
    dispute_amount: { currency_code: c.currency, value: c.value },
    disputed_transactions: [{ seller_transaction_id: c.id }],
  });
}
