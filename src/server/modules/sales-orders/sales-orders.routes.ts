import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  invoiceSalesOrderBody,
  invoiceSalesOrderResult,
  issueDateBody,
  listTotals,
  salesOrderDetail,
  salesOrderDraftBody,
  salesOrderListQuery,
  salesOrderPage,
  salesOrderTotalsQuery,
  sendSalesOrderBody,
  sendSalesOrderResult,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { pdfRoute } from "../documents/pdf-download.js";
import { staffSalesOrderPdf } from "./sales-order-pdf.service.js";
import { sendSalesOrder } from "./sales-order-send.service.js";
import {
  confirmSalesOrder,
  createSalesOrderDraft,
  getSalesOrder,
  invoiceSalesOrder,
  listSalesOrders,
  salesOrderListTotals,
  updateSalesOrderDraft,
  voidSalesOrder,
} from "./sales-orders.service.js";

/** Back-office sales orders (A7): drafts, confirmation, (partial) invoicing, sending, void, PDF. */
export async function salesOrderRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["sales-orders"];
  const one = { tags, params: idParams, response: { 200: salesOrderDetail } };

  r.get(
    "/api/sales-orders",
    {
      onRequest,
      schema: { tags, querystring: salesOrderListQuery, response: { 200: salesOrderPage } },
    },
    (req) => listSalesOrders(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/sales-orders/totals",
    { onRequest, schema: { tags, querystring: salesOrderTotalsQuery, response: { 200: listTotals } } },
    (req) => salesOrderListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/sales-orders",
    { onRequest, schema: { tags, body: salesOrderDraftBody, response: { 201: salesOrderDetail } } },
    async (req, reply) =>
      reply.status(201).send(await createSalesOrderDraft(db, staffOf(req).orgId, req.body)),
  );
  r.get("/api/sales-orders/:id", { onRequest, schema: one }, (req) =>
    getSalesOrder(db, staffOf(req).orgId, req.params.id),
  );
  r.put("/api/sales-orders/:id", { onRequest, schema: { ...one, body: salesOrderDraftBody } }, (req) =>
    updateSalesOrderDraft(db, staffOf(req).orgId, req.params.id, req.body),
  );
  r.post(
    "/api/sales-orders/:id/confirm",
    { onRequest, schema: { ...one, body: issueDateBody.nullish() } },
    (req) => confirmSalesOrder(db, staffOf(req).orgId, req.params.id, req.body ?? undefined),
  );
  r.post("/api/sales-orders/:id/void", { onRequest, schema: one }, (req) =>
    voidSalesOrder(db, staffOf(req).orgId, req.params.id),
  );
  r.post(
    "/api/sales-orders/:id/invoice",
    {
      onRequest,
      schema: {
        tags,
        params: idParams,
        body: invoiceSalesOrderBody,
        response: { 201: invoiceSalesOrderResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await invoiceSalesOrder(db, staffOf(req).orgId, req.params.id, req.body ?? {})),
  );
  r.post(
    "/api/sales-orders/:id/send",
    {
      onRequest,
      schema: { tags, params: idParams, body: sendSalesOrderBody, response: { 200: sendSalesOrderResult } },
    },
    (req) =>
      sendSalesOrder(
        { db, config: deps.config, mailer: deps.mailer },
        staffOf(req).orgId,
        req.params.id,
        req.body.contactIds,
      ),
  );
  pdfRoute(app, "/api/sales-orders/:id/pdf", { onRequest, tags, params: idParams }, (req, { id }, language) =>
    staffSalesOrderPdf(db, staffOf(req).orgId, id, language),
  );
}
