import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import { receiveGatewayNotification } from "./gateway-events.service.js";

/**
 * The one notification endpoint of every provider (issue 13): `POST /api/gateways/:gateway/notify/:orgId`.
 * Providers sign the exact bytes they send, so in this scope every body (JSON, form-urlencoded, anything)
 * stays the raw Buffer; the provider's `verifyNotification` reads it after checking the signature.
 */
export async function gatewayNotifyRoutes(app: App, deps: Deps) {
  const eventDeps = { db: deps.database.db, config: deps.config, mailer: deps.mailer };
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      "/api/gateways/:gateway/notify/:orgId",
      {
        // Unauthenticated by nature, and verifying may call the provider (PayPal's postback with the
        // organisation's credentials): bounded per sender and organisation. Providers retry a 429 later.
        config: {
          rateLimit: {
            max: 300,
            timeWindow: "1 minute",
            keyGenerator: (req) => `${req.ip}|${(req.params as { orgId?: string }).orgId ?? ""}`,
          },
        },
        schema: {
          tags: ["gateways"],
          params: z.object({ gateway: z.string().min(1).max(40), orgId: z.uuid() }),
          querystring: z.record(z.string(), z.string().max(2000)),
          response: { 200: z.object({ received: z.literal(true), duplicate: z.boolean() }) },
        },
      },
      (req) =>
        receiveGatewayNotification({ ...eventDeps, log: req.log }, req.params.gateway, req.params.orgId, {
          rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          headers: req.headers,
          query: req.query,
        }),
    );
  });
}
