import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import { returnFromPaypal } from "../../modules/payments/paypal-return.service.js";

/**
 * PayPal's return URL (decision 026): PayPal sends the payer here after approving, with the order id as
 * `token` (and `PayerID`). Portico captures there and sends the payer on to the portal, or back to PayPal
 * when PayPal asks for more (another way to pay after a decline, 3-D Secure).
 */
export async function paypalRoutes(app: App, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const serviceDeps = { db: deps.database.db, config: deps.config, mailer: deps.mailer };
  r.get(
    "/api/gateways/paypal/return/:orgId/:checkoutId",
    {
      // It calls PayPal (the capture): never while holding the request's shared transaction (decision 031).
      config: { ownTransactions: true },
      schema: {
        tags: ["gateways"],
        params: z.object({ orgId: z.uuid(), checkoutId: z.uuid() }),
        querystring: z.object({
          token: z.string().regex(/^[A-Z0-9]{1,64}$/),
          PayerID: z.string().max(64).optional(),
        }),
      },
    },
    async (req, reply) => {
      const next = await returnFromPaypal(
        serviceDeps,
        req.params.orgId,
        req.params.checkoutId,
        req.query.token,
      );
      return reply.header("cache-control", "no-store").redirect(next, 303);
    },
  );
}
