import Stripe from "stripe";
import type {
  CheckoutInput,
  CheckoutStart,
  Gateway,
  GatewayEnv,
  OffSessionCharge,
  OffSessionChargeInput,
  RefundResult,
} from "../gateway.js";
import { maskSecret, type StripeCredentials, stripeClient, stripeCredentials } from "./stripe-client.js";
import { toAppError } from "./stripe-errors.js";
import { verifyStripeNotification } from "./stripe-events.js";

/**
 * Stripe's minimum charge per currency, in minor units (docs.stripe.com/currencies, "Minimum and maximum
 * charge amounts"); the currencies Portico offers through Stripe are these.
 */
const minimumMinor: Record<string, number> = {
  EUR: 50,
  USD: 50,
  GBP: 30,
  CHF: 50,
  CAD: 50,
  AUD: 50,
  NZD: 50,
  SGD: 50,
  JPY: 50,
  MXN: 1000,
  BRL: 50,
  DKK: 250,
  NOK: 300,
  SEK: 300,
  PLN: 200,
  CZK: 1500,
  HUF: 17500,
  RON: 200,
  BGN: 100,
  HKD: 400,
};

/** Metadata values hold at most 500 characters: the invoice ids go in as many keys as they need. */
const INVOICE_IDS_PER_KEY = 13;

export function checkoutMetadata(
  input: Pick<CheckoutInput, "checkoutId" | "orgId" | "invoiceIds">,
): Record<string, string> {
  const metadata: Record<string, string> = { checkout_id: input.checkoutId, org_id: input.orgId };
  for (let i = 0; i * INVOICE_IDS_PER_KEY < input.invoiceIds.length; i++) {
    const ids = input.invoiceIds.slice(i * INVOICE_IDS_PER_KEY, (i + 1) * INVOICE_IDS_PER_KEY);
    metadata[i === 0 ? "invoice_ids" : `invoice_ids_${i + 1}`] = ids.join(",");
  }
  return metadata;
}

async function ensureCustomer(stripe: Stripe, input: CheckoutInput): Promise<string> {
  if (input.providerCustomerId) return input.providerCustomerId;
  return createCustomer(stripe, input, `${input.idempotencyKey}:customer`);
}

async function createCustomer(stripe: Stripe, input: CheckoutInput, idempotencyKey: string): Promise<string> {
  const customer = await stripe.customers.create(
    {
      name: input.payer.name,
      ...(input.payer.email ? { email: input.payer.email } : {}),
      preferred_locales: [input.payer.language],
      metadata: {
        org_id: input.orgId,
        customer_id: input.payer.customerId,
        contact_id: input.payer.contactId,
      },
    },
    { idempotencyKey },
  );
  return customer.id;
}

/**
 * A hosted Checkout Session: card data and 3-D Secure stay on Stripe's page (PCI SAQ A). SEPA Direct
 * Debit is offered only in euros and only to customers who may pay from a bank account (A3).
 */
async function startCheckout(
  credentials: StripeCredentials,
  env: GatewayEnv,
  input: CheckoutInput,
): Promise<CheckoutStart> {
  const stripe = stripeClient(credentials, env);
  try {
    return await createSession(stripe, input, await ensureCustomer(stripe, input));
  } catch (error) {
    // A reused customer Stripe does not know (the organisation changed its keys or account): a new one,
    // under its own idempotency keys (the refused request had other parameters).
    if (input.providerCustomerId && isUnknownCustomer(error)) {
      try {
        const fresh = await createCustomer(stripe, input, `${input.idempotencyKey}:customer:fresh`);
        return await createSession(stripe, input, fresh, `${input.idempotencyKey}:fresh`);
      } catch (retryError) {
        throw toAppError(retryError, "checkout");
      }
    }
    throw toAppError(error, "checkout");
  }
}

function isUnknownCustomer(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.param === "customer";
}

async function createSession(
  stripe: Stripe,
  input: CheckoutInput,
  customer: string,
  idempotencyKey = input.idempotencyKey,
): Promise<CheckoutStart> {
  const metadata = checkoutMetadata(input);
  const sepa = input.payer.mayPayByBank === true && input.currency === "EUR";
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      customer,
      client_reference_id: input.checkoutId,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: input.currency.toLowerCase(),
            unit_amount: input.amountMinor,
            product_data: { name: input.description },
          },
        },
      ],
      allowed_payment_method_types: sepa ? ["card", "sepa_debit"] : ["card"],
      // Cards saved by `setup_future_usage` are "limited" redisplay; Checkout offers only "always" ones
      // unless told, so without this a saved card (E12) would never be offered again.
      saved_payment_method_options: { allow_redisplay_filters: ["always", "limited"] },
      metadata,
      payment_intent_data: {
        description: input.description,
        metadata,
        ...(input.saveMethod ? { setup_future_usage: "off_session" as const } : {}),
      },
      locale: input.payer.language === "es" ? "es" : "en",
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
    },
    { idempotencyKey },
  );
  if (!session.url) throw new Error("Stripe answered a Checkout Session without a URL");
  return { kind: "redirect", url: session.url, providerRef: session.id, providerCustomerId: customer };
}

/**
 * Issue 15 §2: a PaymentIntent confirmed at once on the saved card, `off_session: true` (the payer is not
 * there to pass 3-D Secure). Stripe answers a refusal as a card error carrying the PaymentIntent:
 * `authentication_required` when the bank wants the payer, any other code a decline. The metadata names
 * the checkout, so the webhook that follows finds the payment already recorded.
 */
async function chargeSavedMethod(
  credentials: StripeCredentials,
  env: GatewayEnv,
  input: OffSessionChargeInput,
): Promise<OffSessionCharge> {
  const metadata = checkoutMetadata(input);
  try {
    const intent = await stripeClient(credentials, env).paymentIntents.create(
      {
        amount: input.amountMinor,
        currency: input.currency.toLowerCase(),
        customer: input.providerCustomerId,
        payment_method: input.providerMethodId,
        off_session: true,
        confirm: true,
        description: input.description,
        metadata,
      },
      { idempotencyKey: input.idempotencyKey },
    );
    if (intent.status === "succeeded") return { status: "succeeded", reference: intent.id };
    if (intent.status === "processing") return { status: "processing", reference: intent.id };
    if (intent.status === "requires_action")
      return { status: "authentication_required", reference: intent.id, code: "authentication_required" };
    return {
      status: "declined",
      reference: intent.id,
      code: intent.last_payment_error?.code ?? intent.status,
    };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const reference = error.payment_intent?.id ?? null;
      if (error.code === "authentication_required")
        return { status: "authentication_required", reference, code: "authentication_required" };
      return { status: "declined", reference, code: error.decline_code || error.code || "card_declined" };
    }
    throw toAppError(error, "checkout");
  }
}

async function refund(
  credentials: StripeCredentials,
  env: GatewayEnv,
  input: { paymentReference: string; amountMinor: number; currency: string; idempotencyKey: string },
): Promise<RefundResult> {
  try {
    const created = await stripeClient(credentials, env).refunds.create(
      { payment_intent: input.paymentReference, amount: input.amountMinor },
      { idempotencyKey: input.idempotencyKey },
    );
    const status =
      created.status === "succeeded" ? "succeeded" : created.status === "failed" ? "failed" : "pending";
    return {
      reference: created.id,
      status,
      ...(status === "failed" && created.failure_reason ? { failureCode: created.failure_reason } : {}),
    };
  } catch (error) {
    throw toAppError(error, "refund");
  }
}

export const stripeGateway: Gateway<StripeCredentials> = {
  id: "stripe",
  capabilities: {
    currencies: Object.keys(minimumMinor),
    minimumMinor: (currency) => minimumMinor[currency.toUpperCase()] ?? 50,
    online: true,
    savedMethods: true,
    bankDebits: true,
    refunds: true,
  },
  credentials: stripeCredentials,
  mask: (credentials) => ({
    secretKey: maskSecret(credentials.secretKey),
    webhookSecret: maskSecret(credentials.webhookSecret),
  }),
  async testConnection(credentials, env) {
    try {
      await stripeClient(credentials, env).balance.retrieve();
    } catch (error) {
      throw toAppError(error);
    }
  },
  startCheckout,
  verifyNotification: verifyStripeNotification,
  async removeSavedMethod(credentials, env, input) {
    try {
      await stripeClient(credentials, env).paymentMethods.detach(input.providerMethodId);
    } catch (error) {
      // Already detached (or deleted at Stripe): what the payer asked for is true.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing")
        return;
      throw toAppError(error);
    }
  },
  chargeSavedMethod,
  refund,
};
