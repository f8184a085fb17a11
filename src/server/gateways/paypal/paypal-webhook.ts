import { AppError } from "../../errors/errors.js";
import type { GatewayEnv, GatewayEvent, NotificationInput, VerifiedNotification } from "../gateway.js";
import { fromPaypalValue } from "./paypal-amount.js";
import { paymentEventOf } from "./paypal-capture.js";
import { paypalCall } from "./paypal-client.js";
import type { PaypalCredentials } from "./paypal-credentials.js";
import { PaypalApiError, toAppError } from "./paypal-errors.js";
import { linkOf, type PaypalAmount, type PaypalCapture, type PaypalRefund } from "./paypal-wire.js";

const SIGNATURE_HEADERS = {
  auth_algo: "paypal-auth-algo",
  cert_url: "paypal-cert-url",
  transmission_id: "paypal-transmission-id",
  transmission_sig: "paypal-transmission-sig",
  transmission_time: "paypal-transmission-time",
} as const;

interface WebhookEvent {
  id: string;
  event_type: string;
  resource: Record<string, unknown>;
}

const refused = (why: string) => new AppError("PAYMENT_SIGNATURE_INVALID", [], why);

/**
 * Verifies a webhook by PayPal's postback (`POST /v1/notifications/verify-webhook-signature`) with the
 * organisation's webhook id, then reads it. The event goes back byte for byte as it came: PayPal signs a
 * CRC32 of the bytes it sent, and a parsed and re-serialised copy can differ from them (key order, number
 * forms), which PayPal then reports as a FAILURE.
 */
export async function verifyPaypalNotification(
  c: PaypalCredentials,
  env: GatewayEnv,
  input: NotificationInput,
): Promise<VerifiedNotification> {
  const raw = input.rawBody.toString("utf8");
  const event = parseEvent(raw);
  const fields: string[] = [];
  for (const [field, header] of Object.entries(SIGNATURE_HEADERS)) {
    const value = input.headers[header];
    if (typeof value !== "string" || value === "") throw refused(`missing ${header}`);
    fields.push(`${JSON.stringify(field)}:${JSON.stringify(value)}`);
  }
  fields.push(`"webhook_id":${JSON.stringify(c.webhookId)}`, `"webhook_event":${raw}`);
  let answer: { verification_status?: unknown };
  try {
    answer = await paypalCall(c, env, {
      method: "POST",
      path: "/v1/notifications/verify-webhook-signature",
      body: `{${fields.join(",")}}`,
    });
  } catch (err) {
    if (!(err instanceof PaypalApiError)) throw err;
    // PayPal refusing to verify (a malformed header, a webhook id not of this app) is a refusal too.
    if (err.status < 500 && err.status !== 401) throw refused(err.message);
    throw toAppError(err);
  }
  if (answer.verification_status !== "SUCCESS") throw refused("PayPal did not verify the signature");
  return { eventId: event.id, events: [readEvent(event)] };
}

function parseEvent(raw: string): WebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch {
    throw refused("not JSON");
  }
  const e = event as Partial<WebhookEvent> | null;
  if (!e || typeof e.id !== "string" || typeof e.event_type !== "string" || typeof e.resource !== "object") {
    throw refused("not a PayPal webhook event");
  }
  return e as WebhookEvent;
}

/** What a verified event means to Portico; anything it does not act on is "ignored" (and acknowledged). */
export function readEvent(event: WebhookEvent): GatewayEvent {
  const r = event.resource;
  switch (event.event_type) {
    case "PAYMENT.CAPTURE.COMPLETED":
    case "PAYMENT.CAPTURE.PENDING":
    case "PAYMENT.CAPTURE.DENIED":
    case "PAYMENT.CAPTURE.DECLINED": {
      const capture = r as unknown as PaypalCapture;
      if (typeof capture.custom_id !== "string" || typeof capture.id !== "string") {
        return { kind: "ignored", why: "a capture Portico did not start (no custom_id)" };
      }
      // A DENIED capture may still read PENDING in an older resource version: the event type decides.
      const failed = event.event_type.endsWith("DENIED") || event.event_type.endsWith("DECLINED");
      return paymentEventOf(failed ? { ...capture, status: "DECLINED" } : capture, capture.custom_id);
    }
    case "PAYMENT.CAPTURE.REFUNDED":
    case "PAYMENT.CAPTURE.REVERSED": {
      const refund = r as unknown as PaypalRefund;
      const captureUrl = linkOf(refund.links, "up");
      const amountMinor = minorOf(refund.amount);
      if (!captureUrl || amountMinor === null)
        return { kind: "ignored", why: "a refund without its capture" };
      return {
        kind: "refund",
        paymentReference: decodeURIComponent(captureUrl.split("/").pop() ?? ""),
        refundReference: refund.id,
        amountMinor: Math.abs(amountMinor),
        status: refund.status === "FAILED" || refund.status === "CANCELLED" ? "failed" : "succeeded",
      };
    }
    case "CUSTOMER.DISPUTE.CREATED": {
      const dispute = r as {
        dispute_id?: string;
        reason?: string;
        dispute_amount?: PaypalAmount;
        disputed_transactions?: { seller_transaction_id?: string }[];
      };
      const captureId = dispute.disputed_transactions?.[0]?.seller_transaction_id;
      const amountMinor = minorOf(dispute.dispute_amount);
      if (!captureId || !dispute.dispute_id || amountMinor === null) {
        return { kind: "ignored", why: "a dispute without its transaction" };
      }
      return {
        kind: "dispute",
        paymentReference: captureId,
        disputeReference: dispute.dispute_id,
        amountMinor,
        reason: dispute.reason ?? "OTHER",
      };
    }
    default:
      return { kind: "ignored", why: `PayPal event ${event.event_type}` };
  }
}

function minorOf(amount: PaypalAmount | undefined): number | null {
  try {
    return amount ? fromPaypalValue(amount.value, amount.currency_code) : null;
  } catch {
    return null;
  }
}
