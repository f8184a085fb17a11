import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { searchResponse, siteSearchQuery } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { searchBackOffice } from "./search.service.js";

export async function searchRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/search",
    {
      onRequest: requireStaff(db),
      schema: { tags: ["search"], querystring: siteSearchQuery, response: { 200: searchResponse } },
    },
    (req) => searchBackOffice(db, staffOf(req).orgId, req.query.q),
  );
}
