import Stripe from "stripe";
import { nowMs } from "../../clock.js";
import { AppError } from "../../errors/errors.js";
import type { GatewayEnv, GatewayEvent, NotificationInput, VerifiedNotification } from "../gateway.js";
import { type StripeCredentials, stripeClient } from "./stripe-client.js";
import { cpCodeOfDecline, toAppError } from "./stripe-errors.js";

type PaymentEvent = Extract<GatewayEvent, { kind: "payment" }>;

/** Stripe's tolerance: a signature older than five minutes is refused, so a captured one cannot be replayed. */
const TOLERANCE_SECONDS = 300;

const brandNames: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
};

function methodLabel(method: Stripe.PaymentMethod): string {
  if (method.card) return `${brandNames[method.card.brand] ?? method.card.brand} ····${method.card.last4}`;
  if (method.sepa_debit) return `SEPA ····${method.sepa_debit.last4 ?? ""}`;
  return method.type;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

/**
 * What a PaymentIntent's current state means for Portico. A payer still on Stripe's page (3-D Secure,
 * `requires_action`) or who has not tried yet is no event. Neither is a declined card while the session is
 * open: Stripe's page tells the payer, who may try another card, so a "failed" then would close a checkout
 * that can still be paid. A decline is final once the session expired (its PaymentIntent is cancelled) or
 * for a bank debit, which fails days after the payer left.
 */
export function paymentEventOf(
  intent: Stripe.PaymentIntent,
  checkoutId: string | undefined,
  sessionOpen: boolean,
): GatewayEvent {
  if (!checkoutId) return { kind: "ignored", why: `payment ${intent.id} is not a Portico checkout` };
  const base = {
    kind: "payment" as const,
    checkoutId,
    reference: intent.id,
    amount: { amountMinor: intent.amount, currency: intent.currency.toUpperCase() },
  };
  const error = intent.last_payment_error;
  switch (intent.status) {
    case "succeeded":
      return { ...base, status: "succeeded", savedMethod: savedMethodOf(intent) };
    case "processing":
      return { ...base, status: "processing" };
    case "canceled":
      return error ? failed(base, error) : { ...base, status: "cancelled" };
    case "requires_payment_method":
      if (!error) return { kind: "ignored", why: `payment ${intent.id} was not attempted yet` };
      if (sessionOpen && methodType(intent) !== "sepa_debit") {
        return {
          kind: "ignored",
          why: `payment ${intent.id} was declined (${codeOf(error)}); the payer may retry`,
        };
      }
      return failed(base, error);
    default:
      return { kind: "ignored", why: `payment ${intent.id} is ${intent.status}` };
  }
}

const codeOf = (error: Stripe.PaymentIntent.LastPaymentError) =>
  error.decline_code ?? error.code ?? "declined";
const methodType = (intent: Stripe.PaymentIntent) =>
  typeof intent.payment_method === "string" ? undefined : intent.payment_method?.type;

function failed(
  base: Pick<PaymentEvent, "kind" | "checkoutId" | "reference" | "amount">,
  error: Stripe.PaymentIntent.LastPaymentError,
): PaymentEvent {
  const failureCode = cpCodeOfDecline(error.decline_code, error.code);
  return { ...base, status: "failed", ...(failureCode ? { failureCode } : {}), providerCode: codeOf(error) };
}

function savedMethodOf(intent: Stripe.PaymentIntent): PaymentEvent["savedMethod"] {
  const method = intent.payment_method;
  const customer = idOf(intent.customer);
  if (!intent.setup_future_usage || !customer || !method || typeof method === "string") return null;
  return { providerMethodId: method.id, providerCustomerId: customer, label: methodLabel(method) };
}

/** Events are acted on by the object's state now, re-read from the API, never by the event's snapshot:
 * notifications arrive late and out of order, and a stale snapshot must not undo a newer state. */
async function readEvents(stripe: Stripe, event: Stripe.Event): Promise<GatewayEvent[]> {
  const object = event.data.object as { id: string; object: string };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const session = await stripe.checkout.sessions.retrieve(object.id, {
        expand: ["payment_intent.payment_method"],
      });
      const intent = session.payment_intent;
      const checkoutId = session.metadata?.checkout_id ?? undefined;
      if (!intent || typeof intent === "string") {
        // Expired before the payer tried anything: the checkout is over, nothing was charged.
        if (session.status === "expired" && checkoutId) {
          return [{ kind: "payment", checkoutId, reference: session.id, status: "cancelled" }];
        }
        return [{ kind: "ignored", why: `session ${session.id} has no payment` }];
      }
      return [paymentEventOf(intent, checkoutId ?? intent.metadata.checkout_id, session.status === "open")];
    }
    case "payment_intent.succeeded":
    case "payment_intent.processing":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled": {
      const intent = await stripe.paymentIntents.retrieve(object.id, { expand: ["payment_method"] });
      return [paymentEventOf(intent, intent.metadata.checkout_id, true)];
    }
    case "charge.refunded": {
      const paymentReference = idOf((event.data.object as Stripe.Charge).payment_intent);
      if (!paymentReference) return [{ kind: "ignored", why: `charge ${object.id} has no payment` }];
      const refunds = await stripe.refunds.list({ payment_intent: paymentReference, limit: 100 });
      return refunds.data.flatMap((refund) => refundEvent(refund, paymentReference));
    }
    case "refund.created":
    case "refund.updated":
    case "refund.failed":
    case "charge.refund.updated": {
      const refund = await stripe.refunds.retrieve(object.id);
      const paymentReference = idOf(refund.payment_intent);
      const events = paymentReference ? refundEvent(refund, paymentReference) : [];
      return events.length ? events : [{ kind: "ignored", why: `refund ${refund.id} is ${refund.status}` }];
    }
    case "charge.dispute.created": {
      const dispute = event.data.object as Stripe.Dispute;
      const paymentReference = idOf(dispute.payment_intent);
      if (!paymentReference) return [{ kind: "ignored", why: `dispute ${dispute.id} has no payment` }];
      return [
        {
          kind: "dispute",
          paymentReference,
          disputeReference: dispute.id,
          amountMinor: dispute.amount,
          reason: dispute.reason,
        },
      ];
    }
    default:
      return [{ kind: "ignored", why: `Portico does not act on ${event.type}` }];
  }
}

function refundEvent(refund: Stripe.Refund, paymentReference: string): GatewayEvent[] {
  if (refund.status !== "succeeded" && refund.status !== "failed") return [];
  return [
    {
      kind: "refund",
      paymentReference,
      refundReference: refund.id,
      amountMinor: refund.amount,
      status: refund.status,
    },
  ];
}

/**
 * Checks `Stripe-Signature` with the SDK (HMAC-SHA256 over the raw body, constant-time, five minutes'
 * tolerance measured by the server's clock), then reads what the event means now.
 */
export async function verifyStripeNotification(
  credentials: StripeCredentials,
  env: GatewayEnv,
  input: NotificationInput,
): Promise<VerifiedNotification> {
  const signature = input.headers["stripe-signature"];
  if (typeof signature !== "string") throw new AppError("PAYMENT_SIGNATURE_INVALID");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      input.rawBody,
      signature,
      credentials.webhookSecret,
      TOLERANCE_SECONDS,
      undefined,
      // The SDK takes the receipt time in milliseconds (it divides by 1000 itself).
      nowMs(),
    );
  } catch {
    throw new AppError("PAYMENT_SIGNATURE_INVALID");
  }
  try {
    return { eventId: event.id, events: await readEvents(stripeClient(credentials, env), event) };
  } catch (error) {
    throw toAppError(error);
  }
}
