import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  acceptQuoteBody,
  declineQuoteBody,
  portalQuoteDetail,
  portalQuoteListQuery,
  portalQuoteSummary,
  slugIdParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { pdfRoute } from "../documents/pdf-download.js";
import {
  acceptPortalQuote,
  declinePortalQuote,
  getPortalQuote,
  listPortalQuotes,
  portalQuotePdf,
} from "./quotes.portal.service.js";

/** The contact's quotes (E4): list, detail, PDF, accept (optionally signed) and decline. */
export async function portalQuoteRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];
  const one = { tags, params: slugIdParams, response: { 200: portalQuoteDetail } };

  r.get(
    "/api/portal/:slug/quotes",
    {
      onRequest,
      schema: {
        tags,
        params: slugParams,
        querystring: portalQuoteListQuery,
        response: { 200: z.array(portalQuoteSummary) },
      },
    },
    (req) => listPortalQuotes(db, contactOf(req), req.query),
  );
  r.get("/api/portal/:slug/quotes/:id", { onRequest, schema: one }, (req) =>
    getPortalQuote(db, mail, contactOf(req), req.params.id, auditOriginOf(req)),
  );
  pdfRoute(
    app,
    "/api/portal/:slug/quotes/:id/pdf",
    { onRequest, tags, params: slugIdParams },
    (req, { id }, language) => portalQuotePdf(db, contactOf(req), id, language),
  );
  r.post(
    "/api/portal/:slug/quotes/:id/accept",
    { onRequest, schema: { ...one, body: acceptQuoteBody } },
    (req) => acceptPortalQuote(db, mail, contactOf(req), req.params.id, req.body, auditOriginOf(req)),
  );
  r.post(
    "/api/portal/:slug/quotes/:id/decline",
    { onRequest, schema: { ...one, body: declineQuoteBody } },
    (req) => declinePortalQuote(db, mail, contactOf(req), req.params.id, req.body.reason, auditOriginOf(req)),
  );
}
