import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  portalHome,
  purchaseHistory,
  purchaseHistoryQuery,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { getPortalHome, getPurchaseHistory } from "./portal-home.service.js";

/** The portal's home (E1) and purchase history (E2): reads only, so nothing is audited. */
export async function portalHomeRoutes(app: App, { database: { db }, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];

  r.get(
    "/api/portal/:slug/home",
    { onRequest, schema: { tags, params: slugParams, response: { 200: portalHome } } },
    (req) => getPortalHome(db, config, contactOf(req)),
  );
  r.get(
    "/api/portal/:slug/purchase-history",
    {
      onRequest,
      schema: {
        tags,
        params: slugParams,
        querystring: purchaseHistoryQuery,
        response: { 200: purchaseHistory },
      },
    },
    (req) => getPurchaseHistory(db, contactOf(req), req.query),
  );
}
