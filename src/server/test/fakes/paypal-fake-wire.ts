import { randomBytes } from "node:crypto";
import type { FastifyReply } from "fastify";

/** The fake PayPal's data and PayPal's JSON shapes it answers with (see paypal-fake.ts). */
export interface FakeAccount {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** Currencies the merchant account takes (CURRENCY_NOT_SUPPORTED for others); all of PayPal's by default. */
  currencies?: string[];
  /** Where PayPal would post this app's webhooks; the fake posts them after captures and refunds when set. */
  webhookUrl?: string;
}

/** What the payer does on PayPal's page, and what the capture then meets. */
export type PayerOutcome =
  | "approve"
  | "instrument-declined"
  | "capture-declined"
  | "pending"
  | "payer-action";

export interface FakeOrder {
  id: string;
  clientId: string;
  status: "PAYER_ACTION_REQUIRED" | "APPROVED" | "COMPLETED";
  currency: string;
  value: string;
  customId: string;
  invoiceId: string;
  returnUrl: string;
  cancelUrl: string;
  outcome: PayerOutcome;
  captureId?: string;
}

export interface FakeCapture {
  id: string;
  orderId: string;
  status: string;
  currency: string;
  value: string;
  customId: string;
  refundedMinor: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface OrderBody {
  intent?: string;
  purchase_units?: {
    custom_id?: string;
    invoice_id?: string;
    amount?: { currency_code?: unknown; value?: unknown };
  }[];
  payment_source?: { paypal?: { experience_context?: { return_url?: string; cancel_url?: string } } };
}

export const sep = (url: string) => (url.includes("?") ? "&" : "?");

export function problemBody(status: number, issue: string, links: object[] = []) {
  const name =
    status === 422 ? "UNPROCESSABLE_ENTITY" : status === 404 ? "RESOURCE_NOT_FOUND" : "INVALID_REQUEST";
  return {
    name,
    details: [{ issue, description: issue }],
    message: issue,
    debug_id: newId().toLowerCase(),
    links,
  };
}

export function refuse(reply: FastifyReply, status: number, issue: string) {
  return reply
    .status(status)
    .send(status === 401 ? { error: issue, error_description: issue } : problemBody(status, issue));
}

export function approvalPage(order: FakeOrder): string {
  const field = (action: string, label: string) =>
    `<form method="post" action="/checkoutnow"><input type="hidden" name="token" value="${order.id}">` +
    `<input type="hidden" name="action" value="${action}"><button type="submit">${label}</button></form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PayPal (fake)</title></head><body>
<main><h1>PayPal (fake)</h1><p>Pay ${order.value} ${order.currency}</p>
${field("approve", "Pay with PayPal")}${field("cancel", "Cancel and return")}</main></body></html>`;
}

export const DECIMALS: Readonly<Record<string, number>> = { JPY: 0, HUF: 0, TWD: 0 };
export const PAYPAL_CURRENCIES =
  "AUD BRL CAD CHF CNY CZK DKK EUR GBP HKD HUF ILS JPY MXN MYR NOK NZD PHP PLN SEK SGD THB TWD USD";
export const newId = () => randomBytes(9).toString("hex").toUpperCase().slice(0, 17);
export const minorOf = (value: string, currency: string) => {
  const [units, fraction = ""] = value.split(".");
  return Number(`${units}${fraction.padEnd(DECIMALS[currency] ?? 2, "0")}`);
};
export const toValue = (minor: number, currency: string) => {
  const d = DECIMALS[currency] ?? 2;
  if (d === 0) return String(minor);
  const s = String(minor).padStart(d + 1, "0");
  return `${s.slice(0, -d)}.${s.slice(-d)}`;
};

export function orderLinks(base: string, id: string) {
  return [
    { href: `${base}/v2/checkout/orders/${id}`, rel: "self", method: "GET" },
    { href: `${base}/checkoutnow?token=${id}`, rel: "payer-action", method: "GET" },
  ];
}

export function orderView(base: string, order: FakeOrder, capture: FakeCapture | undefined) {
  return {
    id: order.id,
    status: order.status,
    purchase_units: [
      {
        reference_id: "default",
        custom_id: order.customId,
        invoice_id: order.invoiceId,
        amount: { currency_code: order.currency, value: order.value },
        ...(capture
          ? {
              payments: {
                captures: [
                  {
                    id: capture.id,
                    status: capture.status,
                    ...(capture.status === "PENDING" ? { status_details: { reason: "PENDING_REVIEW" } } : {}),
                    amount: { currency_code: capture.currency, value: capture.value },
                    custom_id: capture.customId,
                    invoice_id: order.invoiceId,
                    final_capture: true,
                  },
                ],
              },
            }
          : {}),
      },
    ],
    links: order.status === "COMPLETED" ? orderLinks(base, order.id).slice(0, 1) : orderLinks(base, order.id),
  };
}

/** The merchant of the end-to-end run (paypal-fake-server.ts), entered by e2e/pay-paypal.spec.ts. */
export const E2E_MERCHANT = {
  clientId: "AZe2eFakeClientId-portico-0001",
  clientSecret: "EFakeE2eSecret-portico-4242",
  webhookId: "4E2E0000FAKEWEBHOOK0001",
};
