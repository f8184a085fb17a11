import { randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { localeOf } from "../../../shared/language.js";
import { formatMoney } from "../../../shared/money/index.js";
import type { App, Deps } from "../../app-types.js";
import { escapeHtml } from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { type SandboxOutcome, sandboxSignature } from "../../gateways/sandbox/sandbox-signature.js";
import { contactCookieName } from "../../http/cookies.js";
import { applyGatewayConfirmation } from "./record-payment.service.js";
import { loadOwnSandboxCheckout } from "./sandbox-checkout.service.js";

const outcome = z.enum(["succeeded", "declined", "cancelled"]);
const confirmation = z.object({ session: z.uuid(), status: outcome, reference: z.string().min(1).max(100) });

/**
 * Two sides of the sandbox gateway. /sandbox/* is the "provider": a hosted checkout page that signs the
 * outcome and sends the payer back. /api/gateways/sandbox/* is Portico's side: it verifies the signature
 * and records the payment, from the payer's return and from the server-to-server webhook alike.
 */
export async function sandboxGatewayRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { config } = deps;
  // A demo device (issue 9): in production it does not exist unless PORTICO_DEMO=1; its paths answer 404.
  if (!config.sandboxGateway) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["gateways"];

  const loadOwnCheckout = (req: FastifyRequest, id: string) =>
    loadOwnSandboxCheckout(db, id, (orgId) => req.cookies[contactCookieName(config, orgId)]);

  r.get(
    "/sandbox/checkout/:id",
    { schema: { hide: true, params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const c = await loadOwnCheckout(req, req.params.id);
      const es = /^\s*es\b/i.test(String(req.headers["accept-language"] ?? ""));
      const amount = formatMoney(c.amountMinor, c.currency, localeOf(es ? "es" : "en"));
      const t = es
        ? {
            title: "Pasarela de pruebas",
            pay: "Pagar",
            decline: "Simular rechazo",
            cancel: "Cancelar",
            note: "Página de pruebas: no se cobra nada.",
          }
        : {
            title: "Sandbox payment",
            pay: "Pay",
            decline: "Simulate a decline",
            cancel: "Cancel",
            note: "Test page: nothing is charged.",
          };
      const done = c.status !== "open";
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(`<!doctype html>
<html lang="${es ? "es" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title><style>body{font-family:system-ui,sans-serif;background:#f1f3f5;margin:0;padding:24px}
main{max-width:420px;margin:40px auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 2px 8px #0001}
button{width:100%;padding:14px;margin-top:12px;font-size:16px;border-radius:8px;border:1px solid #ced4da;background:#fff;cursor:pointer}
button.primary{background:#2b8a3e;color:#fff;border:0}.amount{font-size:32px;font-weight:700;margin:8px 0}</style></head>
<body><main><h1>${t.title}</h1><p>${escapeHtml(c.description)}</p><p class="amount">${escapeHtml(amount)}</p><p>${t.note}</p>
${
  done
    ? ""
    : `<form method="post"><button class="primary" name="action" value="succeeded">${t.pay}</button>
<button name="action" value="declined">${t.decline}</button><button name="action" value="cancelled">${t.cancel}</button></form>`
}
</main></body></html>`);
    },
  );

  r.post(
    "/sandbox/checkout/:id",
    { schema: { hide: true, params: z.object({ id: z.uuid() }), body: z.object({ action: outcome }) } },
    async (req, reply) => {
      const c = await loadOwnCheckout(req, req.params.id);
      const reference = `sbx_${c.id.replaceAll("-", "").slice(0, 12)}_${req.body.action === "succeeded" ? "ok" : randomBytes(4).toString("hex")}`;
      const fields = { session: c.id, status: req.body.action as SandboxOutcome, reference };
      const query = new URLSearchParams({ ...fields, signature: sandboxSignature.sign(config, fields) });
      return reply.redirect(`/api/gateways/sandbox/return?${query}`, 303);
    },
  );

  r.get(
    "/api/gateways/sandbox/return",
    {
      // It records a payment: a write, in transactions of its own (decision 031).
      config: { ownTransactions: true },
      schema: { tags, querystring: confirmation.extend({ signature: z.string().max(128) }) },
    },
    async (req, reply) => {
      const { signature, ...fields } = req.query;
      if (!sandboxSignature.verify(config, fields, signature))
        throw new AppError("PAYMENT_SIGNATURE_INVALID");
      const result = await applyGatewayConfirmation(
        { db, config, mailer: deps.mailer },
        { checkoutId: fields.session, outcome: fields.status, reference: fields.reference },
      );
      const shown = result.outcome === "declined" ? "failed" : result.outcome;
      // One invoice: back to it. Several: to the receipt when recorded, else to the invoices list.
      const page = result.invoiceId
        ? `invoices/${result.invoiceId}`
        : result.paymentId
          ? `payments/${result.paymentId}`
          : "invoices";
      return reply.redirect(`/p/${result.slug}/${page}?payment=${shown}`, 303);
    },
  );

  r.post(
    "/api/gateways/sandbox/webhook",
    {
      schema: { tags, body: confirmation, headers: z.object({ "x-sandbox-signature": z.string().max(128) }) },
    },
    async (req) => {
      if (!sandboxSignature.verify(config, req.body, req.headers["x-sandbox-signature"])) {
        throw new AppError("PAYMENT_SIGNATURE_INVALID");
      }
      const result = await applyGatewayConfirmation(
        { db, config, mailer: deps.mailer },
        { checkoutId: req.body.session, outcome: req.body.status, reference: req.body.reference },
      );
      return { received: true, recorded: result.recorded };
    },
  );
}
