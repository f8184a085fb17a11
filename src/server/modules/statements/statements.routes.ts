import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, statement, statementQuery } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { pdfLanguageChoice, pdfLanguageQuery } from "../documents/pdf-language.js";
import { getStatement, staffStatementPdf } from "./statement.service.js";
import { staffScope } from "./statement-head.js";

/** Staff read any customer's statement of account (E9): on screen and as a streamed PDF. */
export async function statementRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["statements"];

  r.get(
    "/api/customers/:id/statement",
    {
      onRequest,
      schema: { tags, params: idParams, querystring: statementQuery, response: { 200: statement } },
    },
    (req) => getStatement(staffScope(db, staffOf(req).orgId, req.params.id), req.query),
  );
  r.get(
    "/api/customers/:id/statement/pdf",
    {
      onRequest,
      // The PDF streams after the handler returns: its reads keep to their own transactions (decision 031).
      config: { ownTransactions: true },
      schema: {
        tags,
        params: idParams,
        querystring: statementQuery.extend(pdfLanguageQuery.shape),
        produces: ["application/pdf"],
      },
    },
    async (req, reply) => {
      const { stream, filename } = await staffStatementPdf(
        db,
        staffOf(req).orgId,
        req.params.id,
        req.query,
        pdfLanguageChoice(req),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(stream);
    },
  );
}
