import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import { escapeHtml } from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { contactCookieName } from "../../http/cookies.js";
import { loadOwnSandboxCheckout } from "./sandbox-checkout.service.js";

/** Submits the page's one form: a script file, since the CSP (script-src 'self') forbids inline ones. */
const AUTO_SUBMIT = `document.addEventListener("DOMContentLoaded",function(){var f=document.getElementById("gateway-form");if(f)f.submit();});`;

/**
 * A provider whose checkout starts with a form the payer's browser posts (RedSys, `kind: "form"`): this
 * page holds that form, bound to the contact who opened the checkout like the sandbox's page, with a
 * visible button (it works without scripts) and a same-origin script that submits it at once. Its CSP
 * allows posting forms to that provider's origin only.
 */
export async function gatewayFormRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/gateways/form.js", { schema: { hide: true } }, (_req, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(AUTO_SUBMIT),
  );

  r.get(
    "/gateways/form/:id",
    { schema: { hide: true, params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const c = await loadOwnSandboxCheckout(
        db,
        req.params.id,
        (orgId) => req.cookies[contactCookieName(config, orgId)],
      );
      const start = c.providerStart;
      if (start?.kind !== "form" || c.status !== "open") throw new AppError("NOT_FOUND");
      const action = new URL(start.action);
      const es = /^\s*es\b/i.test(String(req.headers["accept-language"] ?? ""));
      const t = es
        ? {
            title: "Ir al pago",
            go: "Continuar al pago seguro",
            note: "Te llevamos a la página de pago del banco.",
          }
        : {
            title: "Go to payment",
            go: "Continue to the secure payment page",
            note: "Taking you to the bank's payment page.",
          };
      const inputs = Object.entries(start.fields)
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join("");
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .header(
          "content-security-policy",
          `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self' ${action.origin}; frame-ancestors 'self'`,
        )
        .send(`<!doctype html>
<html lang="${es ? "es" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title}</title><script src="/gateways/form.js"></script>
<style>body{font-family:system-ui,sans-serif;background:#f1f3f5;margin:0;padding:24px}main{max-width:420px;margin:40px auto;background:#fff;border-radius:12px;padding:24px}
button{width:100%;padding:14px;font-size:16px;border-radius:8px;border:0;background:#1c7ed6;color:#fff;cursor:pointer}</style></head>
<body><main><h1>${t.title}</h1><p>${escapeHtml(c.description)}</p><p>${t.note}</p>
<form id="gateway-form" method="post" action="${escapeHtml(start.action)}">${inputs}<button type="submit">${t.go}</button></form>
</main></body></html>`);
    },
  );
}
