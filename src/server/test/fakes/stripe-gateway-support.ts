import { randomUUID } from "node:crypto";
import type { CheckoutInput, GatewayEnv } from "../../gateways/gateway.js";
import type { StripeCredentials } from "../../gateways/stripe/stripe-client.js";
import type { StripeFake } from "./stripe-fake.js";

/** Test support of the Stripe gateway's tests: the fake's environment, its keys and a checkout. */
export function fakeEnv(fake: StripeFake, timeoutMs = 2_000): GatewayEnv {
  return {
    publicUrl: "http://portico.test",
    stripeApiBase: fake.baseUrl,
    paypalApiBase: "http://127.0.0.1:9",
    redsysBase: "http://127.0.0.1:9",
    timeoutMs,
  };
}

export const fakeCredentials = (fake: StripeFake): StripeCredentials => ({
  secretKey: fake.secretKey,
  webhookSecret: fake.webhookSecret,
});

export function checkoutInput(overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  const checkoutId = randomUUID();
  return {
    checkoutId,
    orgId: randomUUID(),
    amountMinor: 12_345,
    currency: "EUR",
    description: "Invoice F2026-0001 · Acme",
    invoiceIds: [randomUUID()],
    payer: {
      customerId: randomUUID(),
      contactId: randomUUID(),
      name: "Ana García",
      email: "ana@example.com",
      language: "es",
    },
    successUrl: "http://portico.test/p/acme/payments/done",
    cancelUrl: "http://portico.test/p/acme/invoices",
    notifyUrl: "http://portico.test/api/gateways/stripe/notify/org",
    idempotencyKey: `checkout-${checkoutId}`,
    ...overrides,
  };
}
