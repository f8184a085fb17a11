import type { FastifyInstance } from "fastify";

/**
 * The security headers of every answer: what @fastify/helmet set with the options below, written out once
 * (decision 062). The plugin ran helmet's middleware on every request (two hooks, the CSP directives parsed
 * and every header computed again: 2–3 % of a portal read's CPU) for headers that never change.
 * `security-headers.test.ts` registers @fastify/helmet with HELMET_OPTIONS and fails when its headers differ
 * from these, so a helmet upgrade or an option changed here cannot drift from them unnoticed.
 */
export const HELMET_OPTIONS = {
  // Not helmet's no-referrer: with it, browsers send `Origin: null` on same-origin form posts.
  referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "blob:"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      frameSrc: ["'self'", "blob:"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
} as const;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';frame-src 'self' blob:",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "strict-origin-when-cross-origin",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};

/**
 * Sets SECURITY_HEADERS on every answer, as helmet did: on the raw response at the start of the request,
 * so a route may still replace one (reply.header wins at writeHead) and the static files' hook may remove
 * the document-only ones (web-apps.ts).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = Object.entries(SECURITY_HEADERS);
  app.addHook("onRequest", (_req, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
}
