import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import { bearerOf } from "./auth.js";
import { sendProblem } from "./error-handler.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookies are SameSite=Lax; on top, a state-changing request that says it comes from another origin is
 * refused. Gateway callbacks are exempt: they are verified by signature, not by cookie; so are API key
 * requests without cookies.
 */
export function registerCsrfGuard(app: FastifyInstance, config: Config) {
  const own = new URL(config.publicUrl);
  app.addHook("onRequest", async (req, reply) => {
    if (SAFE.has(req.method) || req.url.startsWith("/api/gateways/")) return;
    // An API key request (G5) carries its credential in a header a page of another site cannot add (that
    // needs a CORS permission Portico never gives) and sends no cookie; with a cookie, it is checked.
    if (bearerOf(req) !== null && !req.headers.cookie) return;
    const origin = req.headers.origin;
    const site = req.headers["sec-fetch-site"];
    // Browsers set Sec-Fetch-Site themselves (a page cannot forge it); same-origin is trusted even when
    // a no-referrer policy made the browser send `Origin: null`.
    if (site === "same-origin") return;
    const crossOrigin =
      origin !== undefined && origin !== own.origin && !sameOrigin(origin, own.protocol, req.headers.host);
    if (crossOrigin || site === "cross-site" || site === "same-site")
      return sendProblem(reply, req, "CSRF_REJECTED");
  });
}

// An Origin naming the host the request was sent to, on PUBLIC_URL's scheme, is same-origin (a page of
// another site cannot forge Origin), so opening the demo as 127.0.0.1 instead of localhost still works.
// The whole origin counts: scheme, host and port, so http://portico.example is not https://portico.example.
function sameOrigin(origin: string, protocol: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).origin === new URL(`${protocol}//${host}`).origin;
  } catch {
    return false;
  }
}
