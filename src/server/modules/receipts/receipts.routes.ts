import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  idParams,
  portalPaymentDetail,
  portalPaymentListQuery,
  portalPaymentSummary,
  slugIdParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { pdfRoute } from "../documents/pdf-download.js";
import {
  getPortalPayment,
  listPortalPayments,
  portalReceiptPdf,
  staffReceiptPdf,
} from "./receipts.service.js";

/** Payments made and receipts (E6): the contact's list, receipt page and PDF; the staff receipt PDF. */
export async function receiptRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contact = requireContact(db);
  const tags = ["portal"];

  r.get(
    "/api/portal/:slug/payments",
    {
      onRequest: contact,
      schema: {
        tags,
        params: slugParams,
        querystring: portalPaymentListQuery,
        response: { 200: z.array(portalPaymentSummary) },
      },
    },
    (req) => listPortalPayments(db, contactOf(req), req.query),
  );
  r.get(
    "/api/portal/:slug/payments/:id",
    { onRequest: contact, schema: { tags, params: slugIdParams, response: { 200: portalPaymentDetail } } },
    (req) => getPortalPayment(db, contactOf(req), req.params.id),
  );
  pdfRoute(
    app,
    "/api/portal/:slug/payments/:id/pdf",
    { onRequest: contact, tags, params: slugIdParams },
    (req, { id }, language) => portalReceiptPdf(db, contactOf(req), id, language, auditOriginOf(req)),
  );
  pdfRoute(
    app,
    "/api/payments/:id/pdf",
    { onRequest: requireStaff(db), tags: ["payments"], params: idParams },
    (req, { id }, language) => staffReceiptPdf(db, staffOf(req).orgId, id, language),
  );
}
