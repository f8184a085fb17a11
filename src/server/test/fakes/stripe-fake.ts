import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import Stripe from "stripe";
import { nowMs } from "../../clock.js";
import { registerHostedCheckout, type WebhookEndpoint } from "./stripe-fake-checkout.js";
import { newId, StripeFakeState, type StripeObject } from "./stripe-fake-state.js";
import { field, listField, parseStripeForm } from "./stripe-form.js";

/**
 * An in-repo Stripe (issue 13): Fastify on 127.0.0.1 and a random port, speaking Stripe's wire format
 * (form-encoded bodies, `Bearer` keys, `Idempotency-Key`, JSON objects and `{ error }` answers) to the
 * official SDK pointed at it. It refuses what Stripe would refuse (a wrong key, an amount that is not an
 * integer of minor units, a reused idempotency key with other parameters) and signs webhooks the way
 * Stripe does (`Stripe-Signature`, t=…,v1=…). Its hosted Checkout page is in stripe-fake-checkout.ts. Test code: nothing outside src/server/test or a test imports it.
 */
export interface StripeFakeOptions {
  secretKey?: string;
  webhookSecret?: string;
  /** Lower-case ISO codes this account charges in. */
  currencies?: string[];
}

export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: ReturnType<typeof parseStripeForm>;
}

type Outage = null | { kind: "error"; status: number } | { kind: "slow"; delayMs: number };

/** The keys of the fake's account unless a test passes others (e2e staff type these in Settings). */
export const STRIPE_FAKE_KEYS = {
  secretKey: "sk_test_fakeSecretKey0001",
  webhookSecret: "whsec_fakeWebhookSecret0001",
} as const;

const MINIMUM: Record<string, number> = { eur: 50, usd: 50, gbp: 30, jpy: 50 };

export async function startStripeFake(options: StripeFakeOptions = {}) {
  const secretKey = options.secretKey ?? STRIPE_FAKE_KEYS.secretKey;
  const webhookSecret = options.webhookSecret ?? STRIPE_FAKE_KEYS.webhookSecret;
  const currencies = options.currencies ?? ["eur", "usd", "gbp", "jpy"];
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const requests: SentRequest[] = [];
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  let outage: Outage = null;
  let refundStatus = "succeeded";

  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, parseStripeForm(String(body))),
  );
  // The hosted pages' address is known once listening; routes read the state only when called.
  let state = new StripeFakeState("http://127.0.0.1:0");

  const fail = (reply: FastifyReply, status: number, error: Record<string, string>) =>
    reply.status(status).send({ error: { type: "invalid_request_error", ...error } });
  const invalid = (reply: FastifyReply, param: string, message: string, code = "parameter_invalid") =>
    fail(reply, 400, { code, param, message });

  app.addHook("onRequest", async (req, reply) => {
    // The hosted Checkout page is the payer's browser, not an API call.
    if (req.url.startsWith("/c/")) return;
    if (outage?.kind === "slow") await sleep(outage.delayMs);
    if (req.headers.authorization !== `Bearer ${secretKey}`) {
      const key = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
      return fail(reply, 401, {
        message: `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`,
      });
    }
  });

  /** Stripe replays the first answer to a repeated key, and refuses the key with other parameters. */
  app.addHook("preHandler", async (req, reply) => {
    const query = parseStripeForm(req.url.split("?")[1] ?? "");
    requests.push({
      method: req.method,
      path: req.url.split("?")[0] ?? "",
      headers: req.headers,
      body: query,
    });
    if (req.method === "POST") {
      const last = requests[requests.length - 1];
      if (last) last.body = (req.body ?? {}) as SentRequest["body"];
    }
    // An outage answers after the request is recorded, so tests can see what a retry sent.
    if (outage?.kind === "error") {
      return reply.status(outage.status).send({ error: { type: "api_error", message: "Stripe is down." } });
    }
    if (req.method !== "POST") return;
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string") return;
    const fingerprint = `${req.url} ${JSON.stringify(req.body ?? {})}`;
    const seen = idempotent.get(key);
    if (seen && seen.fingerprint !== fingerprint) {
      return reply.status(400).send({
        error: {
          type: "idempotency_error",
          message:
            "Keys for idempotent requests can only be used with the same parameters they were first used with.",
        },
      });
    }
    if (seen) return reply.status(seen.status).header("idempotent-replayed", "true").send(seen.body);
  });
  app.addHook("onSend", async (req, reply, payload) => {
    const key = req.headers["idempotency-key"];
    if (req.method === "POST" && typeof key === "string" && !idempotent.has(key) && reply.statusCode < 500) {
      idempotent.set(key, {
        fingerprint: `${req.url} ${JSON.stringify(req.body ?? {})}`,
        status: reply.statusCode,
        body: JSON.parse(String(payload)),
      });
    }
    return payload;
  });

  const body = (req: FastifyRequest) => (req.body ?? {}) as ReturnType<typeof parseStripeForm>;
  const expand = (req: FastifyRequest) => listField(parseStripeForm(req.url.split("?")[1] ?? ""), "expand");
  const found = (reply: FastifyReply, object: StripeObject | undefined, id: string) =>
    object ?? fail(reply, 404, { code: "resource_missing", param: "id", message: `No such object: '${id}'` });

  app.get("/v1/balance", async () => ({
    object: "balance",
    livemode: false,
    available: [{ amount: 0, currency: "eur" }],
    pending: [{ amount: 0, currency: "eur" }],
  }));
  app.post("/v1/customers", async (req) => state.createCustomer(body(req)));
  app.post("/v1/checkout/sessions", async (req, reply) => {
    const form = body(req);
    const amount = field(form, "line_items", 0, "price_data", "unit_amount") ?? "";
    const currency = field(form, "line_items", 0, "price_data", "currency") ?? "";
    if (field(form, "mode") !== "payment") return invalid(reply, "mode", "Portico only takes payments.");
    if (!/^\d+$/.test(amount))
      return invalid(reply, "line_items[0][price_data][unit_amount]", "Invalid integer");
    if (!/^[a-z]{3}$/.test(currency) || !currencies.includes(currency)) {
      return invalid(
        reply,
        "line_items[0][price_data][currency]",
        `Invalid currency: ${currency}`,
        "invalid_currency",
      );
    }
    if (Number(amount) < (MINIMUM[currency] ?? 50)) {
      return invalid(reply, "line_items[0][price_data][unit_amount]", "Amount too small", "amount_too_small");
    }
    if (!state.customers.has(field(form, "customer") ?? ""))
      return invalid(reply, "customer", "No such customer");
    if (!field(form, "metadata", "checkout_id")) return invalid(reply, "metadata", "checkout_id is missing");
    for (const url of ["success_url", "cancel_url"]) {
      if (!URL.canParse(field(form, url) ?? "")) return invalid(reply, url, "Not a valid URL");
    }
    return state.createSession(form, Number(amount), currency);
  });
  app.get<{ Params: { id: string } }>("/v1/checkout/sessions/:id", async (req, reply) => {
    const session = found(reply, state.sessions.get(req.params.id), req.params.id);
    return session === reply ? reply : state.expanded(session as StripeObject, expand(req));
  });
  app.get<{ Params: { id: string } }>("/v1/payment_intents/:id", async (req, reply) => {
    const intent = found(reply, state.intents.get(req.params.id), req.params.id);
    return intent === reply ? reply : state.expanded(intent as StripeObject, expand(req));
  });
  app.post("/v1/payment_intents", async (req, reply) => {
    const form = body(req);
    if (field(form, "confirm") !== "true" || field(form, "off_session") !== "true")
      return invalid(reply, "confirm", "The fake only confirms off-session charges of saved methods.");
    if (!/^\d+$/.test(field(form, "amount") ?? "")) return invalid(reply, "amount", "Invalid integer");
    if (!state.customers.has(field(form, "customer") ?? ""))
      return invalid(reply, "customer", "No such customer");
    if (!state.methods.has(field(form, "payment_method") ?? ""))
      return invalid(reply, "payment_method", "No such PaymentMethod", "resource_missing");
    const { intent, error } = state.chargeOffSession(form);
    return error ? reply.status(402).send({ error }) : intent;
  });
  app.post("/v1/refunds", async (req, reply) => {
    const form = body(req);
    const intentId = field(form, "payment_intent") ?? "";
    const intent = state.intents.get(intentId);
    if (intent?.status !== "succeeded") return invalid(reply, "payment_intent", "Nothing to refund");
    const remaining = Number(intent.amount) - state.refundedOf(intentId);
    const amount = Number(field(form, "amount") ?? remaining);
    if (remaining === 0)
      return invalid(reply, "payment_intent", "Already refunded", "charge_already_refunded");
    if (!Number.isInteger(amount) || amount > remaining) {
      return invalid(reply, "amount", `Refund amount is greater than unrefunded amount`, "amount_too_large");
    }
    return state.createRefund(intentId, amount, refundStatus);
  });
  app.get("/v1/refunds", async (req) => {
    const intentId = field(parseStripeForm(req.url.split("?")[1] ?? ""), "payment_intent");
    const data = [...state.refunds.values()].filter((r) => r.payment_intent === intentId);
    return { object: "list", url: "/v1/refunds", has_more: false, data };
  });
  app.get<{ Params: { id: string } }>("/v1/refunds/:id", async (req, reply) =>
    found(reply, state.refunds.get(req.params.id), req.params.id),
  );
  app.post<{ Params: { id: string } }>("/v1/payment_methods/:id/detach", async (req, reply) => {
    const method = found(reply, state.methods.get(req.params.id), req.params.id);
    if (method === reply) return reply;
    state.detached.add(req.params.id);
    return { ...(method as StripeObject), customer: null };
  });

  /** A Stripe event with a snapshot of the object as it is now (later changes are not in it). */
  function event(type: string, object: StripeObject) {
    return {
      id: newId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: Math.floor(nowMs() / 1000),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    };
  }

  /** The raw body and headers Stripe would POST; `tamper` changes the body after signing. */
  function signed(
    evt: ReturnType<typeof event>,
    opts: { secret?: string; timestamp?: number; tamper?: boolean } = {},
  ) {
    const payload = JSON.stringify(evt, null, 2);
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: opts.secret ?? webhookSecret,
      timestamp: opts.timestamp ?? Math.floor(nowMs() / 1000),
    });
    const rawBody = Buffer.from(
      opts.tamper ? payload.replace('"livemode": false', '"livemode": true') : payload,
    );
    return {
      rawBody,
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": header },
    };
  }

  /** POSTs a signed event to Portico's notification URL, the way Stripe delivers it. */
  async function deliver(
    url: string,
    evt: ReturnType<typeof event>,
    opts: Parameters<typeof signed>[1] = {},
  ) {
    const { rawBody, headers } = signed(evt, opts);
    const res = await fetch(url, { method: "POST", headers, body: rawBody });
    return { status: res.status, body: await res.text() };
  }

  const endpoints: WebhookEndpoint[] = [];
  registerHostedCheckout(app, {
    state: () => state,
    webhookSecret,
    endpoints,
    event: (type, object) => event(type, object),
    deliver: (url, evt) => deliver(url, evt as ReturnType<typeof event>),
  });

  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  state = new StripeFakeState(baseUrl);

  return {
    baseUrl,
    port,
    secretKey,
    webhookSecret,
    state,
    requests,
    /** Requests to one path (`/v1/checkout/sessions`), in order. */
    requestsTo: (method: string, path: string) =>
      requests.filter((r) => r.method === method && r.path === path),
    /** `{ kind: "error", status: 503 }`, `{ kind: "slow", delayMs }` or null (back up). */
    setOutage(next: Outage) {
      outage = next;
    },
    /** The status new refunds get: "succeeded", "pending" or "failed". */
    setRefundStatus(status: "succeeded" | "pending" | "failed") {
      refundStatus = status;
    },
    event,
    signed,
    deliver,
    /** The webhook endpoints registered with `POST /v1/webhook_endpoints`. */
    endpoints,
    close: () => app.close(),
  };
}

export type StripeFake = Awaited<ReturnType<typeof startStripeFake>>;
