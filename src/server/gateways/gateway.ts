import type { z } from "zod";

/**
 * One payment provider behind one interface (issue 13). Each lives in `gateways/<provider>/`, owns its
 * wire format and its signature checks, and knows nothing of invoices, ledgers or tenancy: the payments
 * module turns a checkout into a `CheckoutInput`, and a verified `GatewayEvent` back into money.
 *
 * Provider calls take the organisation's decrypted credentials (`C`) and the server's `GatewayEnv`
 * (base URLs, so tests point the real client code at in-repo fakes). They time out and retry only with
 * an idempotency key, and every failure is an AppError with a CP code (F4) or GATEWAY_UNAVAILABLE.
 */
export type GatewayId = "sandbox" | "stripe" | "paypal" | "redsys" | "transfer";

export interface GatewayCapabilities {
  /** ISO 4217 codes it takes, or "any". A checkout in another currency answers CP4003. */
  currencies: readonly string[] | "any";
  /** The smallest amount it charges, in minor units of that currency. Below it answers CP4001. */
  minimumMinor: (currency: string) => number;
  /** The payer is sent to a checkout (false for bank transfer: the details are shown, staff record it). */
  online: boolean;
  /** Saved cards or mandates the payer can reuse (E12). */
  savedMethods: boolean;
  /** Bank debits that stay "processing" for days before they settle (SEPA Direct Debit). */
  bankDebits: boolean;
  /** Refunds through the provider (A10); without it staff refund by hand. */
  refunds: boolean;
}

/** Server-wide settings of the providers (not per organisation): where their APIs live. */
export interface GatewayEnv {
  /** Portico's public URL, for return, cancel and notification URLs. */
  publicUrl: string;
  /** e.g. "https://api.stripe.com" in production, "http://127.0.0.1:PORT" against a test fake. */
  stripeApiBase: string;
  paypalApiBase: string;
  /** RedSys' TPV Virtual form action and REST base ("https://sis-t.redsys.es:25443" for its test bench). */
  redsysBase: string;
  /** Per provider call; a call that takes longer fails with GATEWAY_UNAVAILABLE and records nothing. */
  timeoutMs: number;
}

export interface CheckoutInput {
  /** Portico's checkout id (uuid): the provider carries it back (metadata, custom_id, order map). */
  checkoutId: string;
  orgId: string;
  amountMinor: number;
  currency: string;
  /** What the provider's page shows, e.g. "Invoice F2026-0001 · Acme". */
  description: string;
  invoiceIds: string[];
  payer: {
    customerId: string;
    contactId: string;
    name: string;
    email: string | null;
    language: string;
    /** A3: the customer may pay from a bank account, so providers with `bankDebits` offer them too. */
    mayPayByBank?: boolean;
  };
  /** Where the payer lands after paying or cancelling (the portal); neither changes payment state. */
  successUrl: string;
  cancelUrl: string;
  /** This organisation's notification endpoint for this provider. */
  notifyUrl: string;
  /** Sent as the provider's idempotency header, so a retried start never opens two payments. */
  idempotencyKey: string;
  /** E12: the payer chose to save the method for later (providers with `savedMethods`). */
  saveMethod?: boolean;
  /** The provider's customer id of this payer, when one was created before (saved methods). */
  providerCustomerId?: string | null;
}

export type CheckoutStart =
  /** Send the payer's browser to `url` (Stripe Checkout, PayPal approval link, the sandbox page). */
  | { kind: "redirect"; url: string; providerRef: string; providerCustomerId?: string }
  /** Post a form from the payer's browser (RedSys): Portico renders it and submits it with a button. */
  | { kind: "form"; action: string; fields: Record<string, string>; providerRef: string };

/** What a verified notification (or a verified return) says. A notification may carry several. */
export type GatewayEvent =
  | {
      kind: "payment";
      checkoutId: string;
      /** The provider's id of the payment (PaymentIntent, capture, Ds_Order…): unique per organisation. */
      reference: string;
      /** "processing": accepted but not settled (SEPA); "failed" after "processing" undoes the payment. */
      status: "succeeded" | "processing" | "failed" | "cancelled";
      /** A CP code (F4) for a failure, and the provider's own code shown to staff (e.g. RedSys 0180). */
      failureCode?: string;
      providerCode?: string;
      /**
       * A refusal that ends the checkout with no CP code, which staff should read (RedSys' Ds_Response):
       * the provider code's meaning in both languages. Staff are told as payment_failed.
       */
      declineReason?: { es: string; en: string };
      /**
       * What the provider says it charged (minor units, ISO code), when it says: checked against the
       * checkout's own before anything is applied (an event that differs is recorded, not applied).
       */
      amount?: { amountMinor: number; currency: string };
      /** A method the payer chose to save (E12). */
      savedMethod?: { providerMethodId: string; providerCustomerId: string; label: string } | null;
    }
  | {
      kind: "refund";
      paymentReference: string;
      refundReference: string;
      amountMinor: number;
      status: "succeeded" | "failed";
    }
  | {
      kind: "dispute";
      paymentReference: string;
      disputeReference: string;
      amountMinor: number;
      reason: string;
    }
  /** A verified notification that changes nothing here (an event type Portico does not act on). */
  | { kind: "ignored"; why: string };

export interface NotificationInput {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string>;
}

export interface VerifiedNotification {
  /** Stripe event.id, PayPal webhook event id, RedSys Ds_Order+Ds_Response…: unique per provider and
   * organisation, stored in the same transaction as the effect, so a replay does nothing. */
  eventId: string;
  events: GatewayEvent[];
}

export interface RefundResult {
  reference: string;
  status: "succeeded" | "pending" | "failed";
  failureCode?: string;
}

/** Issue 15 §2: charging a saved method while the payer is away (a recurring invoice's auto-charge). */
export interface OffSessionChargeInput {
  /** Portico's checkout id of this charge: carried in the provider's metadata like a Checkout's. */
  checkoutId: string;
  orgId: string;
  amountMinor: number;
  currency: string;
  description: string;
  invoiceIds: string[];
  providerCustomerId: string;
  providerMethodId: string;
  /** The same for every attempt of one charge, so a retried call never charges twice. */
  idempotencyKey: string;
}

export type OffSessionCharge =
  | { status: "succeeded"; reference: string }
  /** A bank debit accepted but not settled: the provider's notification finishes it. */
  | { status: "processing"; reference: string }
  /** The card was refused (`code`: the provider's decline code, shown to staff). */
  | { status: "declined"; reference: string | null; code: string }
  /** The bank wants the payer present (3-D Secure): only a payment on the portal can do it. */
  | { status: "authentication_required"; reference: string | null; code: string };

export interface Gateway<C = unknown> {
  id: GatewayId;
  capabilities: GatewayCapabilities;
  /** What staff enter in Settings → Payments; stored encrypted, never returned. */
  credentials: z.ZodType<C>;
  /** What Settings shows of stored credentials: ids in part, secrets as "••••1234". */
  mask(credentials: C): Record<string, string>;
  /** "Test the connection": one harmless authenticated call; wrong credentials throw CP3002. */
  testConnection(credentials: C, env: GatewayEnv): Promise<void>;
  startCheckout(credentials: C, env: GatewayEnv, input: CheckoutInput): Promise<CheckoutStart>;
  /** Verifies the signature (PAYMENT_SIGNATURE_INVALID otherwise) and reads what happened. */
  verifyNotification(
    credentials: C,
    env: GatewayEnv,
    input: NotificationInput,
  ): Promise<VerifiedNotification>;
  /** E12: forgets a saved method at the provider (Stripe detaches the PaymentMethod from its customer). */
  removeSavedMethod?(
    credentials: C,
    env: GatewayEnv,
    input: { providerMethodId: string; providerCustomerId: string },
  ): Promise<void>;
  /** Issue 15 §2: charges a saved method off-session; an outage throws (GATEWAY_UNAVAILABLE), a refusal answers. */
  chargeSavedMethod?(
    credentials: C,
    env: GatewayEnv,
    input: OffSessionChargeInput,
  ): Promise<OffSessionCharge>;
  refund?(
    credentials: C,
    env: GatewayEnv,
    input: { paymentReference: string; amountMinor: number; currency: string; idempotencyKey: string },
  ): Promise<RefundResult>;
}
