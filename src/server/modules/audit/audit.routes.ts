import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { activityPage, activityQuery, customerIdParams, idParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { customerActivity, documentActivity } from "./audit-queries.js";

/** Staff read the portal audit trail (G3); contacts never read it back. */
export async function auditRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["audit"];

  r.get(
    "/api/customers/:customerId/activity",
    {
      onRequest,
      schema: { tags, params: customerIdParams, querystring: activityQuery, response: { 200: activityPage } },
    },
    (req) => customerActivity(db, staffOf(req).orgId, req.params.customerId, req.query.before),
  );
  for (const [segment, type] of [
    ["invoices", "invoice"],
    ["quotes", "quote"],
    ["sales-orders", "sales_order"],
  ] as const) {
    r.get(
      `/api/${segment}/:id/activity`,
      {
        onRequest,
        schema: { tags, params: idParams, querystring: activityQuery, response: { 200: activityPage } },
      },
      (req) => documentActivity(db, staffOf(req).orgId, type, req.params.id, req.query.before),
    );
  }
}
