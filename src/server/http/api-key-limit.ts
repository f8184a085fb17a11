import type { FastifyInstance } from "fastify";
import { AppError } from "../errors/errors.js";

/**
 * Requests made with an API key (G5) are limited per key, whatever address they come from, with the
 * standard `RateLimit-*` headers (IETF draft) so a client can pace itself. A preHandler, so it runs after
 * requireStaff (a route's onRequest) has resolved the key; session requests are not counted here.
 */
export function registerApiKeyRateLimit(app: FastifyInstance, perMinute: number) {
  const limit = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => `api-key:${req.staff?.apiKey?.id}`,
  });
  app.addHook("preHandler", async (req, reply) => {
    if (!req.staff?.apiKey) return;
    const state = await limit(req);
    if (state.isAllowed) return;
    reply.header("RateLimit-Limit", state.max);
    reply.header("RateLimit-Remaining", state.remaining);
    reply.header("RateLimit-Reset", state.ttlInSeconds);
    if (state.isExceeded) {
      reply.header("Retry-After", state.ttlInSeconds);
      throw new AppError("RATE_LIMITED");
    }
  });
}
