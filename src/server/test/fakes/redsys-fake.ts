import { createHash } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { now } from "../../clock.js";
import {
  decodeRedsysParameters,
  isRedsysSignatureValid,
  isRedsysSignatureVersion,
  type RedsysSignatureVersion,
  type RedsysSignedMessage,
  signRedsysMessage,
} from "../../gateways/redsys/redsys-signature.js";

/**
 * A stand-in for RedSys' TPV Virtual (test code only): the payment page the payer's browser posts the
 * signed form to, the REST entry for refunds, and the server notifications, in RedSys' wire format. It
 * checks what Portico sends the way RedSys does (signature, merchant, terminal, amount in cents without a
 * decimal point, numeric currency, order format, repeated orders) and answers with RedSys' SIS codes.
 */
export interface RedsysFakeOrder {
  order: string;
  version: RedsysSignatureVersion;
  amountMinor: number;
  currency: string;
  merchantData: string;
  notifyUrl: string;
  urlOk: string;
  urlKo: string;
  status: "pending" | "paid" | "declined" | "cancelled";
  refundedMinor: number;
  refunds: number;
  /** Everything Portico put in Ds_MerchantParameters, decoded. */
  params: Record<string, string>;
}

export interface RedsysNotifyOptions {
  /** Ds_Response, "0000" by default (authorised). */
  response?: string;
  transactionType?: string;
  amountMinor?: number;
  /** Ds_Currency (ISO numeric), the order's by default. */
  currency?: string;
  version?: RedsysSignatureVersion;
  /** Send the same notification this many times (RedSys retries when it gets no 200). */
  times?: number;
  /** Wait before sending (a late notification). */
  delayMs?: number;
  /** Ds_AuthorisationCode; by default one derived from the order and the outcome, as a resent one repeats. */
  authorisationCode?: string;
  /** Flip one character of the signature, or sign with another key. */
  tamper?: "signature" | "key";
  /** Where to post it; by default the Ds_Merchant_MerchantURL Portico sent. */
  url?: string;
}

export const redsysTestMerchant = {
  merchantCode: "999008881",
  terminal: "1",
  secretKey: "sq7HjrUOBfKmC576ILgskD5srU870gJ7",
};

const currencyOf: Record<string, string> = { "978": "EUR", "840": "USD", "826": "GBP", "756": "CHF" };

export class RedsysFake {
  readonly orders = new Map<string, RedsysFakeOrder>();
  /** Every request Portico made, in order: path and decoded parameters (or the SIS error it got). */
  readonly requests: { path: string; params: Record<string, string> | null; error?: string }[] = [];
  /** "down": every call answers 503; "slow": nothing answers before `slowMs`. */
  mode: "up" | "down" | "slow" = "up";
  slowMs = 5_000;
  /** The currencies the terminal takes (RedSys terminals are usually EUR only). */
  currencies = ["978"];
  /** Refunds are a terminal option; without it RedSys answers SIS0214. */
  refundsEnabled = true;
  base = "";

  constructor(
    private readonly app: FastifyInstance,
    readonly merchant = redsysTestMerchant,
  ) {}

  /** The three form fields of a notification for `order`, signed as RedSys signs them. */
  notification(order: string, options: RedsysNotifyOptions = {}): Record<string, string> {
    const known = this.orders.get(order);
    const version = options.version ?? known?.version ?? "HMAC_SHA256_V1";
    const response = options.response ?? "0000";
    const authorised = Number(response) <= 99 || response === "0900";
    const at = now();
    const pad = (n: number) => String(n).padStart(2, "0");
    const params: Record<string, string> = {
      // RedSys URL-encodes each value after the fact: "22%2F10%2F2021", "22%3A51".
      Ds_Date: encodeURIComponent(
        `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`,
      ),
      Ds_Hour: encodeURIComponent(`${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`),
      Ds_SecurePayment: "1",
      Ds_Card_Number: "454881******0004",
      Ds_Card_Country: "724",
      Ds_Amount: String(options.amountMinor ?? known?.amountMinor ?? 0),
      Ds_Currency: options.currency ?? (known ? (known.params.DS_MERCHANT_CURRENCY ?? "978") : "978"),
      Ds_Order: order,
      Ds_MerchantCode: this.merchant.merchantCode,
      Ds_Terminal: this.merchant.terminal.padStart(3, "0"),
      Ds_Response: response,
      Ds_MerchantData: encodeURIComponent(known?.merchantData ?? ""),
      Ds_TransactionType: options.transactionType ?? "0",
      Ds_ConsumerLanguage: "1",
      Ds_AuthorisationCode: authorised
        ? (options.authorisationCode ??
          String(
            (createHash("sha256")
              .update(`${order}:${response}:${options.amountMinor}`)
              .digest()
              .readUInt32BE(0) %
              900_000) +
              100_000,
          ))
        : "",
      Ds_Card_Brand: "1",
      Ds_ProcessedPayMethod: "1",
    };
    const key = options.tamper === "key" ? "Mk9m98IfEblmPfrpsawt7BmxObt98Jev" : this.merchant.secretKey;
    const message = signRedsysMessage(version, key, params);
    // Notifications carry the signature base64url whatever the version.
    let signature = message.Ds_Signature.replace(/\+/g, "-").replace(/\//g, "_");
    if (options.tamper === "signature")
      signature = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    return { ...message, Ds_Signature: signature };
  }

  /** Posts a notification as RedSys does (form-encoded), `times` times; answers the HTTP statuses. */
  async notify(order: string, options: RedsysNotifyOptions = {}): Promise<number[]> {
    const url = options.url ?? this.orders.get(order)?.notifyUrl;
    if (!url) throw new Error(`the fake has no notification URL for order ${order}`);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const body = new URLSearchParams(this.notification(order, options)).toString();
    const statuses: number[] = [];
    for (let i = 0; i < (options.times ?? 1); i++) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  /** The payer finishes on the payment page: the order's state moves, RedSys notifies and redirects. */
  async complete(order: string, outcome: "pay" | "decline" | "cancel", notifyUrl?: string) {
    const known = this.orders.get(order);
    if (!known) throw new Error(`unknown order ${order}`);
    const response = outcome === "pay" ? "0000" : outcome === "decline" ? "0190" : "9915";
    known.status = outcome === "pay" ? "paid" : outcome === "decline" ? "declined" : "cancelled";
    const statuses = await this.notify(order, { response, ...(notifyUrl ? { url: notifyUrl } : {}) });
    // RedSys sends the payer back with the signed fields appended to URL OK / URL KO.
    const back = new URL(outcome === "pay" ? known.urlOk : known.urlKo);
    for (const [name, value] of Object.entries(this.notification(order, { response }))) {
      back.searchParams.set(name, value);
    }
    return { statuses, redirect: back.toString() };
  }

  lastOrder(): RedsysFakeOrder | undefined {
    return [...this.orders.values()].at(-1);
  }

  close() {
    return this.app.close();
  }

  /** RedSys' checks on a signed message; the SIS code it refuses with, or the decoded parameters. */
  check(message: Partial<RedsysSignedMessage>): { error: string } | { params: Record<string, string> } {
    if (!isRedsysSignatureVersion(message.Ds_SignatureVersion)) return { error: "SIS0429" };
    const raw = message.Ds_MerchantParameters ? decodeRedsysParameters(message.Ds_MerchantParameters) : null;
    if (!raw) return { error: "SIS0430" };
    const params = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k.toUpperCase(), String(v)]),
    ) as Record<string, string>;
    if (params.DS_MERCHANT_MERCHANTCODE !== this.merchant.merchantCode) return { error: "SIS0026" };
    if (Number(params.DS_MERCHANT_TERMINAL) !== Number(this.merchant.terminal)) return { error: "SIS0026" };
    const order = params.DS_MERCHANT_ORDER ?? "";
    if (!order) return { error: "SIS0074" };
    const signed = isRedsysSignatureValid(
      message.Ds_SignatureVersion,
      this.merchant.secretKey,
      order,
      message.Ds_MerchantParameters as string,
      message.Ds_Signature ?? "",
    );
    if (!signed) return { error: "SIS0042" };
    if (order.length < 4 || order.length > 12) return { error: "SIS0075" };
    if (!/^\d{4}[0-9A-Za-z]*$/.test(order)) return { error: "SIS0076" };
    if (!/^[1-9]\d*$/.test(params.DS_MERCHANT_AMOUNT ?? "")) return { error: "SIS0019" };
    if (!/^\d{3}$/.test(params.DS_MERCHANT_CURRENCY ?? "")) return { error: "SIS0016" };
    if (!this.currencies.includes(params.DS_MERCHANT_CURRENCY as string)) return { error: "SIS0027" };
    return { params };
  }
}

function page(title: string, body: string) {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Starts the fake on 127.0.0.1, on a random port unless one is given (the e2e script's). */
export async function startRedsysFake(merchant = redsysTestMerchant, port = 0): Promise<RedsysFake> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const fake = new RedsysFake(app, merchant);
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addHook("onRequest", async (_request, reply) => {
    if (fake.mode === "down") return reply.code(503).send({ error: "Service Unavailable" });
    if (fake.mode === "slow") await new Promise((resolve) => setTimeout(resolve, fake.slowMs));
  });

  app.post("/sis/realizarPago", async (request, reply) => {
    const checked = fake.check(request.body as Partial<RedsysSignedMessage>);
    if ("error" in checked) {
      fake.requests.push({ path: request.url, params: null, error: checked.error });
      return reply
        .code(200)
        .type("text/html")
        .send(page("Error", `<p id="sis-error">${checked.error}</p>`));
    }
    const { params } = checked;
    fake.requests.push({ path: request.url, params });
    const order = params.DS_MERCHANT_ORDER as string;
    const known = fake.orders.get(order);
    if (params.DS_MERCHANT_TRANSACTIONTYPE !== "0")
      return reply.type("text/html").send(page("Error", "SIS0023"));
    if (known && known.status !== "pending") {
      return reply.type("text/html").send(page("Error", `<p id="sis-error">SIS0051</p>`));
    }
    fake.orders.set(order, {
      order,
      version: (request.body as RedsysSignedMessage).Ds_SignatureVersion,
      amountMinor: Number(params.DS_MERCHANT_AMOUNT),
      currency: currencyOf[params.DS_MERCHANT_CURRENCY as string] ?? "?",
      merchantData: params.DS_MERCHANT_MERCHANTDATA ?? "",
      notifyUrl: params.DS_MERCHANT_MERCHANTURL ?? "",
      urlOk: params.DS_MERCHANT_URLOK ?? "",
      urlKo: params.DS_MERCHANT_URLKO ?? "",
      status: "pending",
      refundedMinor: 0,
      refunds: 0,
      params,
    });
    const amount = (Number(params.DS_MERCHANT_AMOUNT) / 100).toFixed(2);
    const button = (outcome: string, label: string) =>
      `<form method="post" action="/sis/fake/complete"><input type="hidden" name="order" value="${escapeHtml(order)}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
    return reply
      .type("text/html")
      .send(
        page(
          "RedSys TPV Virtual (fake)",
          `<p>${escapeHtml(params.DS_MERCHANT_PRODUCTDESCRIPTION ?? "")}</p><p id="amount">${amount} ${currencyOf[params.DS_MERCHANT_CURRENCY as string]}</p>${button("pay", "Pagar")}${button("decline", "Denegar")}${button("cancel", "Cancelar")}`,
        ),
      );
  });

  app.post("/sis/fake/complete", async (request, reply) => {
    const { order, outcome } = request.body as { order: string; outcome: "pay" | "decline" | "cancel" };
    const { redirect } = await fake.complete(order, outcome);
    return reply.redirect(redirect, 303);
  });

  app.post("/sis/rest/trataPeticionREST", async (request) => {
    const checked = fake.check(request.body as Partial<RedsysSignedMessage>);
    if ("error" in checked) {
      fake.requests.push({ path: request.url, params: null, error: checked.error });
      return { errorCode: checked.error };
    }
    const { params } = checked;
    fake.requests.push({ path: request.url, params });
    if (params.DS_MERCHANT_TRANSACTIONTYPE !== "3") return { errorCode: "SIS0023" };
    if (!fake.refundsEnabled) return { errorCode: "SIS0214" };
    const known = fake.orders.get(params.DS_MERCHANT_ORDER as string);
    if (!known) return { errorCode: "SIS0054" };
    if (known.status !== "paid") return { errorCode: "SIS0056" };
    const amountMinor = Number(params.DS_MERCHANT_AMOUNT);
    if (known.refundedMinor + amountMinor > known.amountMinor) return { errorCode: "SIS0057" };
    known.refundedMinor += amountMinor;
    known.refunds += 1;
    const answer = fake.notification(known.order, {
      response: "0900",
      transactionType: "3",
      amountMinor,
      authorisationCode: String(700_000 + known.refunds),
    });
    return answer;
  });

  await app.listen({ port, host: "127.0.0.1" });
  const address = app.server.address();
  fake.base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return fake;
}
