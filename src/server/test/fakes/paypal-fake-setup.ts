import { afterAll, beforeAll, beforeEach } from "vitest";
import type { CheckoutInput, GatewayEnv } from "../../gateways/gateway.js";
import { capturePaypalOrder } from "../../gateways/paypal/paypal-capture.js";
import { clearPaypalTokens } from "../../gateways/paypal/paypal-client.js";
import type { PaypalCredentials } from "../../gateways/paypal/paypal-credentials.js";
import { paypalGateway } from "../../gateways/paypal/paypal-gateway.js";
import { type FakeAccount, PaypalFake } from "./paypal-fake.js";

/** Two merchants, as two organisations would have: their apps, secrets and webhooks differ. */
export const merchant: FakeAccount & PaypalCredentials = {
  clientId: "AZfakeClientIdOfTheFirstMerchant0001",
  clientSecret: "EFakeSecretOfTheFirstMerchant-s3cr3t-9876",
  webhookId: "8PT597110X687430LKGECATA",
};
export const otherMerchant: FakeAccount & PaypalCredentials = {
  clientId: "AZfakeClientIdOfTheOtherMerchant002",
  clientSecret: "EFakeSecretOfTheOtherMerchant-s3cr3t-5432",
  webhookId: "1JE4291016473214CWEBHOOK",
  currencies: ["EUR"],
};

export interface PaypalRig {
  fake: PaypalFake;
  env: GatewayEnv;
}

/** The fake PayPal of one test file, started before its tests; each test starts with it up and fast. */
export function setUpPaypalFake(timeoutMs = 2_000): PaypalRig {
  const rig = {} as PaypalRig;
  beforeAll(async () => {
    rig.fake = await PaypalFake.start([merchant, otherMerchant]);
    rig.env = {
      publicUrl: "https://portico.test",
      stripeApiBase: "http://127.0.0.1:9",
      paypalApiBase: rig.fake.url,
      redsysBase: "http://127.0.0.1:9",
      timeoutMs,
    };
  });
  beforeEach(() => {
    rig.fake.down = false;
    rig.fake.delayMs = 0;
    clearPaypalTokens();
  });
  afterAll(() => rig.fake?.close());
  return rig;
}

let n = 0;

/** A checkout of `amountMinor` EUR (or `currency`), each with its own ids. */
export function checkoutInput(over: Partial<CheckoutInput> = {}): CheckoutInput {
  n++;
  const checkoutId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    checkoutId,
    orgId: "11111111-1111-4111-8111-111111111111",
    amountMinor: 12_345,
    currency: "EUR",
    description: "Invoice F2026-0001 · Acme",
    invoiceIds: ["22222222-2222-4222-8222-222222222222"],
    payer: { customerId: "c", contactId: "k", name: "Ana", email: "ana@example.test", language: "es" },
    successUrl: "https://portico.test/p/acme/invoices/1?paid=1",
    cancelUrl: "https://portico.test/p/acme/invoices/1",
    notifyUrl: "https://portico.test/api/gateways/paypal/notify/org",
    idempotencyKey: `checkout-${checkoutId}`,
    ...over,
  };
}

/** A checkout of the merchant started, approved by the payer and captured: its id and the capture's. */
export async function capturedCheckout(rig: PaypalRig, amountMinor = 10_000) {
  const input = checkoutInput({ amountMinor });
  const { providerRef } = await paypalGateway.startCheckout(merchant, rig.env, input);
  rig.fake.approve(providerRef);
  const back = await capturePaypalOrder(merchant, rig.env, { ...input, orderId: providerRef });
  if (back.kind !== "captured") throw new Error("not captured");
  return { checkoutId: input.checkoutId, captureId: back.event.reference };
}
