import { randomBytes } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { captureEvent, disputeEvent, refundEvent } from "./paypal-fake-events.js";
import { type SignedWebhook, type SignOptions, WebhookSigner } from "./paypal-fake-signing.js";
import {
  approvalPage,
  DECIMALS,
  type FakeAccount,
  type FakeCapture,
  type FakeOrder,
  minorOf,
  newId,
  type OrderBody,
  orderLinks,
  orderView,
  PAYPAL_CURRENCIES,
  type PayerOutcome,
  problemBody,
  type RecordedRequest,
  refuse,
  sep,
} from "./paypal-fake-wire.js";

export type { FakeAccount, PayerOutcome } from "./paypal-fake-wire.js";

/**
 * An in-repo PayPal (issue 13) for tests: Orders v2, Payments v2 refunds, OAuth2 client credentials and the
 * webhook postback, on 127.0.0.1 and a random port, speaking PayPal's JSON. It checks what Portico sends
 * (Basic auth, bearer tokens, `PayPal-Request-Id`, amounts as decimal strings in the currency's precision,
 * custom_id and invoice_id) and answers as PayPal does, including its refusals. Test code only.
 */
type Failure = { status: number; issue: string };
type Answer = { status: number; body: unknown };
type FakeAmount = { currency_code: string; value: string };
const problem = (status: number, issue: string, links: object[] = []): Answer => ({
  status,
  body: problemBody(status, issue, links),
});
type Route = "token" | "orders" | "capture" | "refund" | "verify";

export class PaypalFake {
  readonly requests: RecordedRequest[] = [];
  readonly orders = new Map<string, FakeOrder>();
  readonly captures = new Map<string, FakeCapture>();
  /** Every webhook event the fake raised (after captures and refunds), newest last. */
  readonly events: object[] = [];
  /** Answer 503 to everything (PayPal down). */
  down = false;
  /** Requests that reached the fake, answered or not. */
  hits = 0;
  /** Answer this much later (a slow PayPal, for timeouts). */
  delayMs = 0;
  /** Token lifetime the OAuth call announces, in seconds. */
  tokenLifetimeS = 32_400;
  private readonly tokens = new Map<string, string>();
  private readonly replies = new Map<string, { status: number; body: unknown }>();
  private readonly usedInvoiceIds = new Set<string>();
  private readonly failures = new Map<Route, Failure>();
  private signer!: WebhookSigner;

  private constructor(
    private readonly app: FastifyInstance,
    readonly accounts: FakeAccount[],
  ) {}

  url = "";

  static async start(accounts: FakeAccount[]): Promise<PaypalFake> {
    const fake = new PaypalFake(Fastify(), accounts);
    await fake.routes();
    await fake.app.listen({ port: 0, host: "127.0.0.1" });
    const address = fake.app.server.address();
    fake.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    fake.signer = new WebhookSigner(`${fake.url}/v1/notifications/certs/CERT-360caa42-fca2a594-fake`);
    return fake;
  }

  close(): Promise<void> {
    return this.app.close();
  }

  /** The next call to `route` answers this refusal (e.g. 422 BILLING_ADDRESS_INVALID). */
  failNext(route: Route, status: number, issue: string): void {
    this.failures.set(route, { status, issue });
  }

  /** Tokens handed out so far stop working (PayPal revoked them early). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The payer approves the order on PayPal's page; `outcome` is what the capture will meet. */
  approve(orderId: string, outcome: PayerOutcome = "approve"): void {
    const order = this.mustOrder(orderId);
    order.status = "APPROVED";
    order.outcome = outcome;
  }

  order(id: string): FakeOrder {
    return this.mustOrder(id);
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path || r.path.startsWith(`${path}?`));
  }

  /** A webhook of a capture (`PAYMENT.CAPTURE.COMPLETED`, `.PENDING`, `.DENIED`) as PayPal posts it. */
  captureEvent(captureId: string, type = "PAYMENT.CAPTURE.COMPLETED"): object {
    return this.keep(captureEvent(this.url, this.mustCapture(captureId), type));
  }

  /** `PAYMENT.CAPTURE.REFUNDED` (or `.REVERSED`) of `amountMinor` of a capture. */
  refundEvent(captureId: string, refundId: string, amountMinor: number, type = "PAYMENT.CAPTURE.REFUNDED") {
    return this.keep(refundEvent(this.url, this.mustCapture(captureId), refundId, amountMinor, type));
  }

  disputeEvent(captureId: string, reason = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED"): object {
    return this.keep(disputeEvent(this.mustCapture(captureId), reason));
  }

  /** The body and headers of a webhook, signed for the account's webhook id unless told otherwise. */
  sign(event: object, account: FakeAccount, opts: SignOptions = {}): SignedWebhook {
    return this.signer.sign(event, account.webhookId, opts);
  }

  /** Posts a signed webhook to `url` `times` times (PayPal retries; each delivery has its own signature). */
  async notify(
    url: string,
    event: object,
    account: FakeAccount,
    opts: SignOptions & { times?: number } = {},
  ) {
    const statuses: number[] = [];
    for (let i = 0; i < (opts.times ?? 1); i++) {
      const { rawBody, headers } = this.sign(event, account, opts);
      const res = await fetch(url, { method: "POST", headers, body: new Uint8Array(rawBody) });
      statuses.push(res.status);
    }
    return statuses;
  }

  private keep(event: object): object {
    this.events.push(event);
    return event;
  }

  private raise(account: FakeAccount, event: object): void {
    if (account.webhookUrl) void this.notify(account.webhookUrl, event, account).catch(() => {});
  }

  private mustOrder(id: string): FakeOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`fake PayPal has no order ${id}`);
    return order;
  }

  private mustCapture(id: string): FakeCapture {
    const capture = this.captures.get(id);
    if (!capture) throw new Error(`fake PayPal has no capture ${id}`);
    return capture;
  }

  private accountOf(req: FastifyRequest): FakeAccount | undefined {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const clientId = token ? this.tokens.get(token) : undefined;
    return this.accounts.find((a) => a.clientId === clientId);
  }

  /** The refusal set by `failNext`, the bearer check and the idempotency replay every API route shares. */
  private gate(route: Route, req: FastifyRequest, reply: FastifyReply): FakeAccount | undefined {
    const failure = this.failures.get(route);
    if (failure) {
      this.failures.delete(route);
      void refuse(reply, failure.status, failure.issue);
      return undefined;
    }
    const account = this.accountOf(req);
    if (!account) {
      void reply
        .status(401)
        .send({ error: "invalid_token", error_description: "Token signature verification failed" });
      return undefined;
    }
    return account;
  }

  /**
   * The calls PayPal dedupes by `PayPal-Request-Id` (required here, to check Portico sends it): a repeat
   * gets the first answer. Refusals of a capture are replayed too, as PayPal may; others are not kept.
   */
  private idempotent(
    route: Route,
    req: FastifyRequest,
    reply: FastifyReply,
    act: (a: FakeAccount) => Answer,
  ) {
    const account = this.gate(route, req, reply);
    if (!account) return reply;
    const requestId = req.headers["paypal-request-id"];
    if (typeof requestId !== "string") return refuse(reply, 400, "PAYPAL_REQUEST_ID_REQUIRED");
    const key = `${account.clientId}:${requestId}`;
    const answer = this.replies.get(key) ?? act(account);
    if (answer.status < 300 || route === "capture") this.replies.set(key, answer);
    return reply.status(answer.status).send(answer.body);
  }

  private createOrder(account: FakeAccount, b: OrderBody): Answer {
    const unit = b.purchase_units?.[0];
    const ctx = b.payment_source?.paypal?.experience_context;
    if (
      b.intent !== "CAPTURE" ||
      !unit?.custom_id ||
      !unit.invoice_id ||
      !ctx?.return_url ||
      !ctx.cancel_url
    ) {
      return problem(400, "MISSING_REQUIRED_PARAMETER");
    }
    const { currency_code: currency, value } = unit.amount ?? {};
    if (typeof currency !== "string" || typeof value !== "string")
      return problem(400, "INVALID_PARAMETER_SYNTAX");
    const known = (account.currencies ?? PAYPAL_CURRENCIES.split(" ")).includes(currency);
    if (!known) return problem(422, "CURRENCY_NOT_SUPPORTED");
    const d = DECIMALS[currency] ?? 2;
    if (!new RegExp(d ? `^\\d+(\\.\\d{1,${d}})?$` : "^\\d+$").test(value))
      return problem(422, "DECIMAL_PRECISION");
    if (minorOf(value, currency) <= 0) return problem(422, "CANNOT_BE_ZERO_OR_NEGATIVE");
    if (this.usedInvoiceIds.has(`${account.clientId}:${unit.invoice_id}`))
      return problem(422, "DUPLICATE_INVOICE_ID");
    const id = newId();
    this.orders.set(id, {
      id,
      clientId: account.clientId,
      status: "PAYER_ACTION_REQUIRED",
      currency,
      value,
      customId: unit.custom_id,
      invoiceId: unit.invoice_id,
      returnUrl: ctx.return_url,
      cancelUrl: ctx.cancel_url,
      outcome: "approve",
    });
    const body = {
      id,
      status: "PAYER_ACTION_REQUIRED",
      payment_source: { paypal: {} },
      links: this.orderLinks(id),
    };
    return { status: 200, body };
  }

  private async routes(): Promise<void> {
    const app = this.app;
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.addHook("onRequest", async (_req, reply) => {
      this.hits++;
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.down) return reply.status(503).send({ name: "SERVICE_UNAVAILABLE", message: "down" });
    });
    app.addHook("preHandler", async (req) => {
      this.requests.push({ method: req.method, path: req.url, headers: req.headers, body: req.body });
    });

    app.post("/v1/oauth2/token", async (req, reply) => {
      const failure = this.failures.get("token");
      if (failure) {
        this.failures.delete("token");
        return refuse(reply, failure.status, failure.issue);
      }
      const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1] ?? "";
      const [id, secret] = Buffer.from(basic, "base64").toString().split(":");
      const account = this.accounts.find((a) => a.clientId === id && a.clientSecret === secret);
      const form = req.body as Record<string, string>;
      if (!account || form.grant_type !== "client_credentials") {
        return reply
          .status(401)
          .send({ error: "invalid_client", error_description: "Client Authentication failed" });
      }
      const token = `A21AA${randomBytes(24).toString("base64url")}`;
      this.tokens.set(token, account.clientId);
      return {
        scope: "https://uri.paypal.com/services/payments/payment",
        access_token: token,
        token_type: "Bearer",
        app_id: "APP-80W284485P519543T",
        expires_in: this.tokenLifetimeS,
        nonce: newId(),
      };
    });

    app.post("/v2/checkout/orders", (req, reply) =>
      this.idempotent("orders", req, reply, (account) => this.createOrder(account, req.body as OrderBody)),
    );

    app.get<{ Params: { id: string } }>("/v2/checkout/orders/:id", async (req, reply) => {
      const account = this.accountOf(req);
      const order = this.orders.get(req.params.id);
      if (!account) return reply.status(401).send({ error: "invalid_token" });
      if (!order || order.clientId !== account.clientId) return refuse(reply, 404, "RESOURCE_NOT_FOUND");
      return this.orderView(order);
    });

    app.post<{ Params: { id: string } }>("/v2/checkout/orders/:id/capture", (req, reply) =>
      this.idempotent("capture", req, reply, (account) => {
        const order = this.orders.get(req.params.id);
        if (!order || order.clientId !== account.clientId) return problem(404, "RESOURCE_NOT_FOUND");
        return this.capture(order, account);
      }),
    );

    app.post<{ Params: { id: string } }>("/v2/payments/captures/:id/refund", (req, reply) =>
      this.idempotent("refund", req, reply, (account) => {
        const capture = this.captures.get(req.params.id);
        const order = capture && this.orders.get(capture.orderId);
        if (!capture || order?.clientId !== account.clientId) return problem(404, "RESOURCE_NOT_FOUND");
        return this.refund(capture, account, (req.body as { amount?: FakeAmount } | undefined)?.amount);
      }),
    );

    app.post("/v1/notifications/verify-webhook-signature", async (req, reply) => {
      const account = this.gate("verify", req, reply);
      if (!account) return reply;
      const body = req.body as { webhook_id?: unknown };
      const ok = body.webhook_id === account.webhookId && this.signer.verify(body);
      return { verification_status: ok ? "SUCCESS" : "FAILURE" };
    });

    app.get<{ Querystring: { token?: string } }>("/checkoutnow", async (req, reply) => {
      const order = this.orders.get(req.query.token ?? "");
      if (!order) return reply.status(404).type("text/html").send("<p>Unknown order</p>");
      return reply.type("text/html; charset=utf-8").send(approvalPage(order));
    });

    app.post<{ Body: { token?: string; action?: string } }>("/checkoutnow", async (req, reply) => {
      const order = this.orders.get(req.body.token ?? "");
      if (!order) return reply.status(404).send("Unknown order");
      if (req.body.action !== "approve")
        return reply.redirect(`${order.cancelUrl}${sep(order.cancelUrl)}token=${order.id}`, 303);
      this.approve(order.id);
      return reply.redirect(
        `${order.returnUrl}${sep(order.returnUrl)}token=${order.id}&PayerID=FAKEPAYER01`,
        303,
      );
    });
  }

  private orderLinks(id: string) {
    return orderLinks(this.url, id);
  }

  private orderView(order: FakeOrder) {
    return orderView(this.url, order, order.captureId ? this.captures.get(order.captureId) : undefined);
  }

  private capture(order: FakeOrder, account: FakeAccount): Answer {
    if (order.status === "COMPLETED") return problem(422, "ORDER_ALREADY_CAPTURED");
    if (order.status !== "APPROVED")
      return problem(422, "ORDER_NOT_APPROVED", this.orderLinks(order.id).slice(1));
    if (order.outcome === "instrument-declined" || order.outcome === "payer-action") {
      // The payer goes back to PayPal: to choose another funding source, or to pass 3-D Secure.
      const declined = order.outcome === "instrument-declined";
      order.status = "PAYER_ACTION_REQUIRED";
      order.outcome = "approve";
      const href = `${this.url}/checkoutnow?token=${order.id}`;
      return declined
        ? problem(422, "INSTRUMENT_DECLINED", [{ href, rel: "redirect", method: "GET" }])
        : problem(422, "PAYER_ACTION_REQUIRED", [{ href, rel: "payer-action", method: "GET" }]);
    }
    const status = { approve: "COMPLETED", "capture-declined": "DECLINED", pending: "PENDING" }[
      order.outcome
    ];
    const capture: FakeCapture = {
      id: newId(),
      orderId: order.id,
      status,
      currency: order.currency,
      value: order.value,
      customId: order.customId,
      refundedMinor: 0,
    };
    this.captures.set(capture.id, capture);
    order.status = "COMPLETED";
    order.captureId = capture.id;
    if (status !== "DECLINED") this.usedInvoiceIds.add(`${account.clientId}:${order.invoiceId}`);
    const type = {
      COMPLETED: "PAYMENT.CAPTURE.COMPLETED",
      PENDING: "PAYMENT.CAPTURE.PENDING",
      DECLINED: "PAYMENT.CAPTURE.DENIED",
    }[status];
    this.raise(account, this.captureEvent(capture.id, type));
    return { status: 201, body: this.orderView(order) };
  }

  private refund(capture: FakeCapture, account: FakeAccount, amount?: FakeAmount): Answer {
    const total = minorOf(capture.value, capture.currency);
    const remaining = total - capture.refundedMinor;
    if (capture.status !== "COMPLETED" && capture.status !== "PARTIALLY_REFUNDED") {
      return problem(422, remaining === 0 ? "CAPTURE_FULLY_REFUNDED" : "REFUND_NOT_ALLOWED");
    }
    if (amount && amount.currency_code !== capture.currency) {
      return problem(422, "REFUND_CURRENCY_MISMATCH");
    }
    const minor = amount ? minorOf(amount.value, capture.currency) : remaining;
    if (minor > remaining) return problem(422, "REFUND_AMOUNT_EXCEEDED");
    capture.refundedMinor += minor;
    capture.status = capture.refundedMinor === total ? "REFUNDED" : "PARTIALLY_REFUNDED";
    const id = newId();
    this.raise(account, this.refundEvent(capture.id, id, minor));
    return {
      status: 201,
      body: {
        id,
        status: "COMPLETED",
        links: [
          { href: `${this.url}/v2/payments/refunds/${id}`, rel: "self", method: "GET" },
          { href: `${this.url}/v2/payments/captures/${capture.id}`, rel: "up", method: "GET" },
        ],
      },
    };
  }
}
