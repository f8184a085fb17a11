import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  invoiceDetail,
  invoiceDraftBody,
  invoiceListQuery,
  invoicePage,
  invoiceTotalsQuery,
  issueDateBody,
  listTotals,
  sendInvoiceBody,
  sendInvoiceResult,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { pdfRoute } from "../documents/pdf-download.js";
import { staffInvoicePdf } from "./invoice-pdf.service.js";
import { sendInvoice } from "./invoice-send.service.js";
import {
  createDraft,
  getInvoice,
  invoiceListTotals,
  issueInvoice,
  listInvoices,
  updateDraft,
  voidInvoice,
} from "./invoices.service.js";

export async function invoiceRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["invoices"];
  const one = { tags, params: idParams, response: { 200: invoiceDetail } };

  r.get(
    "/api/invoices",
    {
      onRequest,
      schema: { tags, querystring: invoiceListQuery, response: { 200: invoicePage } },
    },
    (req) => listInvoices(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/invoices/totals",
    { onRequest, schema: { tags, querystring: invoiceTotalsQuery, response: { 200: listTotals } } },
    (req) => invoiceListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/invoices",
    { onRequest, schema: { tags, body: invoiceDraftBody, response: { 201: invoiceDetail } } },
    async (req, reply) => reply.status(201).send(await createDraft(db, staffOf(req).orgId, req.body)),
  );
  r.get("/api/invoices/:id", { onRequest, schema: one }, (req) =>
    getInvoice(db, staffOf(req).orgId, req.params.id),
  );
  r.put("/api/invoices/:id", { onRequest, schema: { ...one, body: invoiceDraftBody } }, (req) =>
    updateDraft(db, staffOf(req).orgId, req.params.id, req.body),
  );
  r.post("/api/invoices/:id/issue", { onRequest, schema: { ...one, body: issueDateBody.nullish() } }, (req) =>
    issueInvoice(db, staffOf(req).orgId, req.params.id, req.body ?? undefined),
  );
  r.post("/api/invoices/:id/void", { onRequest, schema: one }, (req) =>
    voidInvoice(db, staffOf(req).orgId, req.params.id),
  );
  r.post(
    "/api/invoices/:id/send",
    {
      onRequest,
      schema: { tags, params: idParams, body: sendInvoiceBody, response: { 200: sendInvoiceResult } },
    },
    (req) =>
      sendInvoice(
        { db, config: deps.config, mailer: deps.mailer },
        staffOf(req).orgId,
        req.params.id,
        req.body.contactIds,
        { issueDate: req.body.issueDate, useToday: req.body.useToday },
      ),
  );
  pdfRoute(app, "/api/invoices/:id/pdf", { onRequest, tags, params: idParams }, (req, { id }, language) =>
    staffInvoicePdf(db, staffOf(req).orgId, id, language),
  );
}
