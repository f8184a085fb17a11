import type { FastifyInstance } from "fastify";
import { minorToDecimalString } from "../../../shared/money/format.js";
import type { PayOutcome, StripeFakeState, StripeObject } from "./stripe-fake-state.js";
import { field, listField, type parseStripeForm } from "./stripe-form.js";

/**
 * The Stripe fake's hosted Checkout page (the session's `url`) and webhook endpoints, for tests that drive
 * a browser (e2e/pay-stripe.spec.ts). The page asks for a card number, expiry and CVC; Stripe's test
 * numbers decide what happens (4242… Visa paid, 5555… Mastercard paid, 4000…0002 declined). Paying
 * completes the session, POSTs the signed `checkout.session.completed` to every webhook endpoint the
 * account registered (`POST /v1/webhook_endpoints`, as staff do in Stripe's dashboard), then redirects to
 * the session's success_url. A session that asked for `setup_future_usage` shows the consent text the real
 * Checkout shows before it saves the card (there is no box: Portico asked the payer already). Test code.
 */
export interface WebhookEndpoint {
  id: string;
  url: string;
  enabledEvents: string[];
}

const TEST_CARDS: Record<string, PayOutcome> = {
  "4242424242424242": { method: "card", result: "succeeded", brand: "visa", last4: "4242" },
  "5555555555554444": { method: "card", result: "succeeded", brand: "mastercard", last4: "4444" },
  "4000000000000002": { method: "card", result: "declined", declineCode: "generic_decline" },
};

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function money(session: StripeObject): string {
  const currency = String(session.currency).toUpperCase();
  return `${minorToDecimalString(Number(session.amount_total), currency)} ${currency}`;
}

function page(session: StripeObject, error?: string): string {
  const saves = Boolean((session.payment_intent_data as Record<string, unknown>).setup_future_usage);
  const input = (name: string, label: string, autocomplete: string) =>
    `<p><label for="${name}">${label}</label><br><input id="${name}" name="${name}" autocomplete="${autocomplete}" required></p>`;
  return `<!doctype html>
<html lang="${html(String(session.locale ?? "en"))}"><head><meta charset="utf-8"><title>Stripe Checkout (fake)</title></head>
<body><main>
<h1>Stripe Checkout (fake)</h1>
<p>Pay ${html(money(session))}</p>
${error ? `<p role="alert">${html(error)}</p>` : ""}
<form method="post" action="/c/pay/${html(session.id)}">
${input("cardnumber", "Card number", "cc-number")}
${input("exp", "Expiry", "cc-exp")}
${input("cvc", "CVC", "cc-csc")}
${saves ? "<p>By paying, you allow this business to charge your card for future payments in accordance with their terms. Your card will be saved.</p>" : ""}
<button type="submit">Pay</button>
</form>
<p><a href="${html(String(session.cancel_url))}">Back</a></p>
</main></body></html>`;
}

export function registerHostedCheckout(
  app: FastifyInstance,
  fake: {
    state: () => StripeFakeState;
    webhookSecret: string;
    endpoints: WebhookEndpoint[];
    event: (type: string, object: StripeObject) => object;
    deliver: (url: string, evt: object) => Promise<{ status: number }>;
  },
): void {
  app.post("/v1/webhook_endpoints", async (req) => {
    const form = (req.body ?? {}) as ReturnType<typeof parseStripeForm>;
    const endpoint: WebhookEndpoint = {
      id: `we_test_${fake.endpoints.length + 1}`,
      url: field(form, "url") ?? "",
      enabledEvents: listField(form, "enabled_events"),
    };
    fake.endpoints.push(endpoint);
    return {
      id: endpoint.id,
      object: "webhook_endpoint",
      url: endpoint.url,
      enabled_events: endpoint.enabledEvents,
      status: "enabled",
      livemode: false,
      secret: fake.webhookSecret,
    };
  });

  app.get<{ Params: { id: string } }>("/c/pay/:id", async (req, reply) => {
    const session = fake.state().sessions.get(req.params.id);
    if (!session) return reply.status(404).type("text/html").send("<p>Unknown session</p>");
    if (session.status !== "open") return reply.redirect(String(session.success_url), 303);
    return reply.type("text/html; charset=utf-8").send(page(session));
  });

  app.post<{ Params: { id: string } }>("/c/pay/:id", async (req, reply) => {
    const state = fake.state();
    const session = state.sessions.get(req.params.id);
    if (!session) return reply.status(404).type("text/html").send("<p>Unknown session</p>");
    if (session.status !== "open") return reply.redirect(String(session.success_url), 303);
    const form = (req.body ?? {}) as ReturnType<typeof parseStripeForm>;
    const outcome = TEST_CARDS[(field(form, "cardnumber") ?? "").replace(/\s+/g, "")];
    if (!outcome) {
      return reply.type("text/html; charset=utf-8").send(page(session, "Your card number is invalid."));
    }
    const { intent } = state.pay(session.id, outcome);
    if (intent.status !== "succeeded") {
      return reply.type("text/html; charset=utf-8").send(page(session, "Your card was declined."));
    }
    const evt = fake.event("checkout.session.completed", session);
    for (const endpoint of fake.endpoints) {
      const wanted = endpoint.enabledEvents;
      if (wanted.includes("*") || wanted.includes("checkout.session.completed")) {
        await fake.deliver(endpoint.url, evt).catch(() => undefined);
      }
    }
    const back = String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id);
    return reply.redirect(back, 303);
  });
}
