import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  convertQuoteBody,
  convertQuoteResult,
  convertQuoteToSalesOrderResult,
  idParams,
  listTotals,
  quoteDetail,
  quoteDraftBody,
  quoteListQuery,
  quotePage,
  quoteTotalsQuery,
  sendQuoteBody,
  sendQuoteResult,
  verifyEvidenceResult,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { AppError } from "../../errors/errors.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { pdfRoute } from "../documents/pdf-download.js";
import { quoteSignaturePng, staffQuotePdf } from "./quote-pdf.service.js";
import { sendQuote } from "./quote-send.service.js";
import {
  convertQuoteToInvoice,
  convertQuoteToSalesOrder,
  createQuoteDraft,
  getQuote,
  listQuotes,
  quoteListTotals,
  reviseQuote,
  updateQuoteDraft,
  verifyEvidence,
} from "./quotes.service.js";

/** Back-office quotes (A6): drafts, sending, revisions, conversion to an invoice, PDF and evidence. */
export async function quoteRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["quotes"];
  const one = { tags, params: idParams, response: { 200: quoteDetail } };

  r.get(
    "/api/quotes",
    { onRequest, schema: { tags, querystring: quoteListQuery, response: { 200: quotePage } } },
    (req) => listQuotes(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/quotes/totals",
    { onRequest, schema: { tags, querystring: quoteTotalsQuery, response: { 200: listTotals } } },
    (req) => quoteListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/quotes",
    { onRequest, schema: { tags, body: quoteDraftBody, response: { 201: quoteDetail } } },
    async (req, reply) => reply.status(201).send(await createQuoteDraft(db, staffOf(req).orgId, req.body)),
  );
  r.get("/api/quotes/:id", { onRequest, schema: one }, (req) =>
    getQuote(db, staffOf(req).orgId, req.params.id),
  );
  r.put("/api/quotes/:id", { onRequest, schema: { ...one, body: quoteDraftBody } }, (req) =>
    updateQuoteDraft(db, staffOf(req).orgId, req.params.id, req.body),
  );
  r.post(
    "/api/quotes/:id/send",
    {
      onRequest,
      schema: { tags, params: idParams, body: sendQuoteBody, response: { 200: sendQuoteResult } },
    },
    (req) =>
      sendQuote(
        { db, config: deps.config, mailer: deps.mailer },
        staffOf(req).orgId,
        req.params.id,
        req.body.contactIds,
        { issueDate: req.body.issueDate, useToday: req.body.useToday },
      ),
  );
  r.post(
    "/api/quotes/:id/revise",
    { onRequest, schema: { tags, params: idParams, response: { 201: quoteDetail } } },
    async (req, reply) => reply.status(201).send(await reviseQuote(db, staffOf(req).orgId, req.params.id)),
  );
  r.post(
    "/api/quotes/:id/convert",
    {
      onRequest,
      schema: {
        tags,
        params: idParams,
        body: convertQuoteBody,
        response: { 200: z.union([convertQuoteResult, convertQuoteToSalesOrderResult]) },
      },
    },
    (req) =>
      req.body.target === "sales_order"
        ? convertQuoteToSalesOrder(db, staffOf(req).orgId, req.params.id)
        : convertQuoteToInvoice(db, staffOf(req).orgId, req.params.id),
  );
  r.get(
    "/api/quotes/:id/evidence/verify",
    { onRequest, schema: { tags, params: idParams, response: { 200: verifyEvidenceResult } } },
    (req) => verifyEvidence(db, staffOf(req).orgId, req.params.id),
  );
  r.get(
    "/api/quotes/:id/evidence/signature",
    { onRequest, schema: { tags, params: idParams, produces: ["image/png"] } },
    async (req, reply) => {
      const png = await quoteSignaturePng(db, staffOf(req).orgId, req.params.id);
      if (!png) throw new AppError("NOT_FOUND");
      return reply.type("image/png").header("cache-control", "private, no-store").send(png);
    },
  );
  pdfRoute(app, "/api/quotes/:id/pdf", { onRequest, tags, params: idParams }, (req, { id }, language) =>
    staffQuotePdf(db, staffOf(req).orgId, id, language),
  );
}
