import { randomBytes } from "node:crypto";
import { nowMs } from "../../clock.js";

/**
 * What the Stripe fake holds: the API objects in Stripe's own JSON shape, and what the payer does on
 * Stripe's hosted page (pay by card or SEPA, be declined, be asked for 3-D Secure), which Portico never
 * sees except through notifications and reads. Test code.
 */
export type StripeObject = Record<string, unknown> & { id: string; object: string };

export const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const created = () => Math.floor(nowMs() / 1000);

export type PayOutcome =
  /** The card is charged (3-D Secure, if any, passed). */
  | { method: "card"; result: "succeeded"; brand?: string; last4?: string }
  /** The bank asks for 3-D Secure and the payer has not finished it. */
  | { method: "card"; result: "requires_action" }
  /** The card is declined, with Stripe's decline code (`generic_decline`, `fraudulent`, `incorrect_zip`…). */
  | { method: "card"; result: "declined"; declineCode: string }
  /** A SEPA Direct Debit mandate is accepted: the payment is processing until the bank settles it. */
  | { method: "sepa_debit"; result: "processing" };

/** An off-session charge: charged, refused (`card_declined` with a decline code), or 3-D Secure wanted. */
export type OffSessionOutcome =
  | { result: "succeeded" }
  | { result: "card_declined"; declineCode: string }
  | { result: "authentication_required" };

export class StripeFakeState {
  readonly customers = new Map<string, StripeObject>();
  readonly sessions = new Map<string, StripeObject>();
  readonly intents = new Map<string, StripeObject>();
  readonly methods = new Map<string, StripeObject>();
  readonly refunds = new Map<string, StripeObject>();
  /** Payment method ids detached from their customer (E12: a contact removed a saved method). */
  readonly detached = new Set<string>();
  /** What an off-session charge of a saved method does (issue 15 §2); a method not listed is charged. */
  readonly offSession = new Map<string, OffSessionOutcome>();

  constructor(private readonly hostedPageBase: string) {}

  createCustomer(body: Record<string, unknown>): StripeObject {
    const customer = { id: newId("cus"), object: "customer", created: created(), ...body };
    this.customers.set(customer.id, customer);
    return customer;
  }

  createSession(body: Record<string, unknown>, amount: number, currency: string): StripeObject {
    const id = newId("cs");
    const session: StripeObject = {
      id,
      object: "checkout.session",
      created: created(),
      mode: body.mode,
      status: "open",
      payment_status: "unpaid",
      url: `${this.hostedPageBase}/c/pay/${id}`,
      amount_total: amount,
      currency,
      customer: body.customer,
      client_reference_id: body.client_reference_id ?? null,
      metadata: body.metadata ?? {},
      allowed_payment_method_types: body.allowed_payment_method_types,
      payment_intent_data: body.payment_intent_data ?? {},
      locale: body.locale ?? null,
      success_url: body.success_url,
      cancel_url: body.cancel_url,
      payment_intent: null,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** The payer on Stripe's hosted page. */
  pay(sessionId: string, outcome: PayOutcome): { session: StripeObject; intent: StripeObject } {
    const session = this.mustGet(this.sessions, sessionId);
    const types = session.allowed_payment_method_types as string[];
    if (!types.includes(outcome.method)) throw new Error(`${outcome.method} was not offered on ${sessionId}`);
    const method = this.createMethod(outcome);
    const intentData = session.payment_intent_data as Record<string, unknown>;
    const intent: StripeObject = {
      id: newId("pi"),
      object: "payment_intent",
      created: created(),
      amount: session.amount_total,
      amount_received: 0,
      currency: session.currency,
      customer: session.customer,
      description: intentData.description ?? null,
      metadata: intentData.metadata ?? {},
      setup_future_usage: intentData.setup_future_usage ?? null,
      payment_method: method.id,
      payment_method_types: [outcome.method],
      last_payment_error: null,
      latest_charge: null,
      status: "requires_payment_method",
    };
    this.intents.set(intent.id, intent);
    session.payment_intent = intent.id;
    if (outcome.result === "succeeded") this.settle(intent.id, "succeeded");
    if (outcome.result === "processing") {
      intent.status = "processing";
      Object.assign(session, { status: "complete", payment_status: "unpaid" });
    }
    if (outcome.result === "requires_action") intent.status = "requires_action";
    if (outcome.result === "declined") {
      intent.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: outcome.declineCode,
        message: "Your card was declined.",
      };
    }
    return { session, intent };
  }

  /** A card saved on a customer, as a Checkout with `setup_future_usage` leaves it (E12). */
  savedCard(last4 = "4242"): { customer: StripeObject; method: StripeObject } {
    const customer = this.createCustomer({ name: "Saved card payer" });
    const method = this.createMethod({ method: "card", result: "succeeded", last4 });
    method.customer = customer.id;
    return { customer, method };
  }

  /**
   * `POST /v1/payment_intents` with `confirm` and `off_session` on a saved method: the intent, and the
   * card error Stripe answers (HTTP 402) when the charge is refused.
   */
  chargeOffSession(body: Record<string, unknown>): { intent: StripeObject; error?: Record<string, unknown> } {
    const methodId = String(body.payment_method ?? "");
    const method = this.mustGet(this.methods, methodId);
    if (method.customer !== body.customer || this.detached.has(methodId))
      throw new Error(`${methodId} is not attached to ${String(body.customer)}`);
    const intent: StripeObject = {
      id: newId("pi"),
      object: "payment_intent",
      created: created(),
      amount: Number(body.amount),
      amount_received: 0,
      currency: body.currency,
      customer: body.customer,
      description: body.description ?? null,
      metadata: body.metadata ?? {},
      off_session: true,
      payment_method: methodId,
      payment_method_types: ["card"],
      last_payment_error: null,
      latest_charge: null,
      status: "requires_payment_method",
    };
    this.intents.set(intent.id, intent);
    const outcome = this.offSession.get(methodId) ?? { result: "succeeded" };
    if (outcome.result === "succeeded") {
      this.settle(intent.id, "succeeded");
      return { intent };
    }
    const error =
      outcome.result === "card_declined"
        ? { code: "card_declined", decline_code: outcome.declineCode, message: "Your card was declined." }
        : {
            code: "authentication_required",
            decline_code: "authentication_required",
            message: "This payment requires authentication.",
          };
    intent.last_payment_error = { type: "card_error", ...error };
    return {
      intent,
      error: { type: "card_error", ...error, payment_intent: structuredClone(intent) },
    };
  }

  /** The end of a payment: charged (the bank settled a SEPA debit) or failed (the debit bounced). */
  settle(intentId: string, result: "succeeded" | "failed"): StripeObject {
    const intent = this.mustGet(this.intents, intentId);
    const session = [...this.sessions.values()].find((s) => s.payment_intent === intentId);
    if (result === "succeeded") {
      Object.assign(intent, {
        status: "succeeded",
        amount_received: intent.amount,
        latest_charge: newId("ch"),
        amount_refunded: 0,
      });
      if (session) Object.assign(session, { status: "complete", payment_status: "paid" });
    } else {
      Object.assign(intent, {
        status: "requires_payment_method",
        last_payment_error: { type: "card_error", code: "payment_method_not_available" },
      });
    }
    return intent;
  }

  /** The session expired (the payer left, or gave up after declines): its payment is cancelled. */
  expire(sessionId: string): StripeObject {
    const session = this.mustGet(this.sessions, sessionId);
    session.status = "expired";
    const intent = this.intents.get(String(session.payment_intent));
    if (intent && intent.status !== "succeeded") intent.status = "canceled";
    return session;
  }

  /** The charge of a payment, as `charge.refunded` carries it. */
  chargeOf(intentId: string): StripeObject {
    const intent = this.mustGet(this.intents, intentId);
    const refunded = this.refundedOf(intentId);
    return {
      id: String(intent.latest_charge),
      object: "charge",
      payment_intent: intent.id,
      amount: intent.amount,
      amount_refunded: refunded,
      refunded: refunded === intent.amount,
      currency: intent.currency,
      status: "succeeded",
    };
  }

  refundedOf(intentId: string): number {
    return [...this.refunds.values()]
      .filter((r) => r.payment_intent === intentId && r.status !== "failed" && r.status !== "canceled")
      .reduce((sum, r) => sum + Number(r.amount), 0);
  }

  createRefund(intentId: string, amount: number, status: string): StripeObject {
    const intent = this.mustGet(this.intents, intentId);
    const refund: StripeObject = {
      id: newId("re"),
      object: "refund",
      created: created(),
      amount,
      currency: intent.currency,
      payment_intent: intentId,
      charge: intent.latest_charge,
      status,
      failure_reason: status === "failed" ? "expired_or_canceled_card" : undefined,
    };
    this.refunds.set(refund.id, refund);
    return refund;
  }

  /** The bank gave a refund back (`refund.updated` with status failed follows). */
  failRefund(refundId: string): StripeObject {
    return Object.assign(this.mustGet(this.refunds, refundId), {
      status: "failed",
      failure_reason: "expired_or_canceled_card",
    });
  }

  dispute(intentId: string, reason = "fraudulent"): StripeObject {
    const intent = this.mustGet(this.intents, intentId);
    return {
      id: newId("dp"),
      object: "dispute",
      amount: intent.amount,
      currency: intent.currency,
      charge: intent.latest_charge,
      payment_intent: intent.id,
      reason,
      status: "needs_response",
    };
  }

  /** An object with `expand[]` paths (`payment_intent.payment_method`) replaced by the objects. */
  expanded(object: StripeObject, paths: string[]): StripeObject {
    const copy = structuredClone(object) as Record<string, unknown>;
    for (const path of paths) {
      const [head, ...rest] = path.split(".");
      if (!head) continue;
      const id = copy[head];
      const target = typeof id === "string" ? this.byId(id) : undefined;
      if (target) copy[head] = this.expanded(target, rest.length ? [rest.join(".")] : []);
    }
    return copy as StripeObject;
  }

  private byId(id: string): StripeObject | undefined {
    for (const map of [this.intents, this.methods, this.customers, this.sessions, this.refunds]) {
      const found = map.get(id);
      if (found) return found;
    }
    return undefined;
  }

  private createMethod(outcome: PayOutcome): StripeObject {
    const method: StripeObject = {
      id: newId("pm"),
      object: "payment_method",
      type: outcome.method,
      ...(outcome.method === "card"
        ? {
            card: {
              brand: outcome.result === "succeeded" ? (outcome.brand ?? "visa") : "visa",
              last4: outcome.result === "succeeded" ? (outcome.last4 ?? "4242") : "0002",
            },
          }
        : { sepa_debit: { last4: "3000", country: "DE" } }),
    };
    this.methods.set(method.id, method);
    return method;
  }

  mustGet(map: Map<string, StripeObject>, id: string): StripeObject {
    const found = map.get(id);
    if (!found) throw new Error(`the Stripe fake has no ${id}`);
    return found;
  }
}
