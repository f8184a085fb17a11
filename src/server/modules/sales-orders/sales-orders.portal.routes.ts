import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  portalSalesOrderDetail,
  portalSalesOrderListQuery,
  portalSalesOrderSummary,
  slugIdParams,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { pdfRoute } from "../documents/pdf-download.js";
import {
  getPortalSalesOrder,
  listPortalSalesOrders,
  portalSalesOrderPdf,
} from "./sales-orders.portal.service.js";

/** The contact's sales orders (E5), while the organisation shows them (C4): list, detail, PDF. */
export async function portalSalesOrderRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireContact(db);
  const tags = ["portal"];

  r.get(
    "/api/portal/:slug/sales-orders",
    {
      onRequest,
      schema: {
        tags,
        params: slugParams,
        querystring: portalSalesOrderListQuery,
        response: { 200: z.array(portalSalesOrderSummary) },
      },
    },
    (req) => listPortalSalesOrders(db, contactOf(req), req.query),
  );
  r.get(
    "/api/portal/:slug/sales-orders/:id",
    { onRequest, schema: { tags, params: slugIdParams, response: { 200: portalSalesOrderDetail } } },
    (req) => getPortalSalesOrder(db, mail, contactOf(req), req.params.id, auditOriginOf(req)),
  );
  pdfRoute(
    app,
    "/api/portal/:slug/sales-orders/:id/pdf",
    { onRequest, tags, params: slugIdParams },
    (req, { id }, language) => portalSalesOrderPdf(db, contactOf(req), id, language, auditOriginOf(req)),
  );
}
