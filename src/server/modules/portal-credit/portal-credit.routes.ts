import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { applyCreditBody, applyCreditResult, slugParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { applyCustomerCredit } from "./apply-credit.service.js";

/** Decision 017: the contact applies its own credit; a staff preview is refused by `requireContact`. */
export async function portalCreditRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/portal/:slug/apply-credit",
    {
      onRequest: requireContact(db),
      schema: {
        tags: ["portal"],
        params: slugParams,
        body: applyCreditBody,
        response: { 200: applyCreditResult },
      },
    },
    (req) => applyCustomerCredit(db, contactOf(req), req.body, auditOriginOf(req)),
  );
}
