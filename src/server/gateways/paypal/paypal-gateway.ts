import { AppError } from "../../errors/errors.js";
import type { CheckoutInput, CheckoutStart, Gateway, GatewayEnv, RefundResult } from "../gateway.js";
import { PAYPAL_CURRENCIES, toPaypalValue } from "./paypal-amount.js";
import { paypalRequest, requestToken } from "./paypal-client.js";
import { maskPaypalCredentials, type PaypalCredentials, paypalCredentials } from "./paypal-credentials.js";
import { verifyPaypalNotification } from "./paypal-webhook.js";
import { approvalLink, type PaypalOrder, type PaypalRefund } from "./paypal-wire.js";

/** Where PayPal sends the payer back after approving: Portico captures there (paypal-capture.ts). */
export function paypalReturnUrl(env: GatewayEnv, orgId: string, checkoutId: string): string {
  return `${env.publicUrl}/api/gateways/paypal/return/${orgId}/${checkoutId}`;
}

const LOCALES: Readonly<Record<string, string>> = { es: "es-ES", en: "en-GB" };

async function startCheckout(
  c: PaypalCredentials,
  env: GatewayEnv,
  input: CheckoutInput,
): Promise<CheckoutStart> {
  if (input.amountMinor < paypalGateway.capabilities.minimumMinor(input.currency)) {
    throw new AppError("CP4001");
  }
  const order = await paypalRequest<PaypalOrder>(c, env, {
    method: "POST",
    path: "/v2/checkout/orders",
    requestId: input.idempotencyKey,
    body: {
      intent: "CAPTURE",
      purchase_units: [
        {
          // The checkout id twice: custom_id comes back on every capture and webhook; invoice_id must be
          // unique per merchant (DUPLICATE_INVOICE_ID), and a second partial payment of one invoice is
          // another checkout, so the invoice number would collide where the checkout never does.
          custom_id: input.checkoutId,
          invoice_id: input.checkoutId,
          description: input.description.slice(0, 127),
          amount: { currency_code: input.currency, value: toPaypalValue(input.amountMinor, input.currency) },
        },
      ],
      payment_source: {
        paypal: {
          experience_context: {
            return_url: paypalReturnUrl(env, input.orgId, input.checkoutId),
            cancel_url: input.cancelUrl,
            user_action: "PAY_NOW",
            shipping_preference: "NO_SHIPPING",
            locale: LOCALES[input.payer.language] ?? "en-GB",
          },
        },
      },
    },
  });
  const url = approvalLink(order.links);
  if (!url) throw new AppError("GATEWAY_UNAVAILABLE", [], "PayPal's order has no approval link");
  return { kind: "redirect", url, providerRef: order.id };
}

async function refund(
  c: PaypalCredentials,
  env: GatewayEnv,
  input: { paymentReference: string; amountMinor: number; currency: string; idempotencyKey: string },
): Promise<RefundResult> {
  const answer = await paypalRequest<PaypalRefund>(c, env, {
    method: "POST",
    path: `/v2/payments/captures/${encodeURIComponent(input.paymentReference)}/refund`,
    requestId: input.idempotencyKey,
    body: {
      amount: { currency_code: input.currency, value: toPaypalValue(input.amountMinor, input.currency) },
    },
  });
  if (answer.status === "COMPLETED") return { reference: answer.id, status: "succeeded" };
  if (answer.status === "PENDING") return { reference: answer.id, status: "pending" };
  return {
    reference: answer.id,
    status: "failed",
    failureCode: answer.status_details?.reason ?? answer.status,
  };
}

/** PayPal Checkout over Orders v2 (issue 13): redirect to approve, capture on return, webhooks, refunds. */
export const paypalGateway: Gateway<PaypalCredentials> = {
  id: "paypal",
  capabilities: {
    currencies: PAYPAL_CURRENCIES,
    // PayPal takes any positive amount: one cent (one yen).
    minimumMinor: () => 1,
    online: true,
    savedMethods: false,
    bankDebits: false,
    refunds: true,
  },
  credentials: paypalCredentials,
  mask: maskPaypalCredentials,
  async testConnection(c, env) {
    await requestToken(c, env);
  },
  startCheckout,
  verifyNotification: verifyPaypalNotification,
  refund,
};
