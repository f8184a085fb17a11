import { eq } from "drizzle-orm";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, Deps } from "../../app-types.js";
import { organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { availableGateways } from "./gateways.js";

const gatewaySettings = z.object({
  /** What the organisation has enabled; new invoices offer these. */
  enabled: z.array(z.string().min(1).max(40)).max(10),
  /** What this server runs (the sandbox only outside production or with PORTICO_DEMO=1). */
  available: z.array(z.string()),
});
const gatewaySettingsBody = z.object({ enabled: z.array(z.string().min(1).max(40)).max(10) });

/**
 * The organisation's payment gateways (issue 9): a new organisation has none, so its invoices offer no
 * "Pay now" until it enables one the server runs. Changing it affects invoices created afterwards.
 */
export async function gatewaySettingsRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["payments"];
  const answer = (enabled: string[]) => ({ enabled, available: availableGateways(config) });

  r.get(
    "/api/payment-gateways",
    { onRequest, schema: { tags, response: { 200: gatewaySettings } } },
    async (req) => {
      const orgId = staffOf(req).orgId;
      const [org] = await withOrg(db, orgId, (tx) =>
        tx
          .select({ enabled: organisations.enabledGateways })
          .from(organisations)
          .where(eq(organisations.id, orgId)),
      );
      return answer(org?.enabled ?? []);
    },
  );
  r.put(
    "/api/payment-gateways",
    { onRequest, schema: { tags, body: gatewaySettingsBody, response: { 200: gatewaySettings } } },
    async (req) => {
      const orgId = staffOf(req).orgId;
      const enabled = [...new Set(req.body.enabled)];
      const unknown = enabled.filter((g) => !availableGateways(config).includes(g));
      if (unknown.length > 0)
        throw new AppError(
          "GATEWAY_NOT_AVAILABLE",
          unknown.map((g) => ({
            field: "body.enabled",
            message: g,
            code: "unknown_gateway",
            params: { gateway: g },
          })),
        );
      await withOrg(db, orgId, (tx) =>
        tx.update(organisations).set({ enabledGateways: enabled }).where(eq(organisations.id, orgId)),
      );
      return answer(enabled);
    },
  );
}
