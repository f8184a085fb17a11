import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { slugParams, statement, statementQuery } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { pdfLanguageChoice, pdfLanguageQuery } from "../documents/pdf-language.js";
import { getStatement, portalStatementPdf } from "./statement.service.js";
import { contactScope } from "./statement-head.js";

/** The contact's statement of account (E9): its own customer only (row-level security behind it). */
export async function portalStatementRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];

  r.get(
    "/api/portal/:slug/statement",
    {
      onRequest,
      schema: { tags, params: slugParams, querystring: statementQuery, response: { 200: statement } },
    },
    (req) => getStatement(contactScope(db, contactOf(req)), req.query),
  );
  r.get(
    "/api/portal/:slug/statement/pdf",
    {
      onRequest,
      // The PDF streams after the handler returns: its reads keep to their own transactions (decision 031).
      config: { ownTransactions: true },
      schema: {
        tags,
        params: slugParams,
        querystring: statementQuery.extend(pdfLanguageQuery.shape),
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const { stream, filename } = await portalStatementPdf(
        db,
        contactOf(req),
        req.query,
        pdfLanguageChoice(req),
        auditOriginOf(req),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(stream);
    },
  );
}
