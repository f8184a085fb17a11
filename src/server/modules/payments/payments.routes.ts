import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  applyBody,
  customerBalance,
  idParams,
  invoiceDetail,
  listTotals,
  paymentDetail,
  paymentListQuery,
  paymentPage,
  paymentTotalsQuery,
  recordPaymentBody,
  refundBody,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { applyCredit, refundCredit } from "../invoices/credits.service.js";
import { getCustomerBalances } from "./customer-balances.service.js";
import { refundPaymentWithGateway } from "./online-refunds.service.js";
import {
  applyPayment,
  getPayment,
  listPayments,
  paymentListTotals,
  recordOfflinePayment,
} from "./payments.service.js";

/** The back office's side of the customer's money (A8, A9, A10). */
export async function paymentRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["payments"];
  const onePayment = { tags, params: idParams, response: { 200: paymentDetail } };

  r.get(
    "/api/payments",
    {
      onRequest,
      schema: { tags, querystring: paymentListQuery, response: { 200: paymentPage } },
    },
    (req) => listPayments(db, staffOf(req).orgId, req.query),
  );
  r.get(
    "/api/payments/totals",
    { onRequest, schema: { tags, querystring: paymentTotalsQuery, response: { 200: listTotals } } },
    (req) => paymentListTotals(db, staffOf(req).orgId, req.query),
  );
  r.post(
    "/api/payments",
    { onRequest, schema: { tags, body: recordPaymentBody, response: { 201: paymentDetail } } },
    async (req, reply) => {
      const s = staffOf(req);
      return reply
        .status(201)
        .send(await recordOfflinePayment(db, s.orgId, s.userId, req.body, s.apiKey?.id));
    },
  );
  r.get("/api/payments/:id", { onRequest, schema: onePayment }, (req) =>
    getPayment(db, staffOf(req).orgId, req.params.id),
  );
  r.post("/api/payments/:id/apply", { onRequest, schema: { ...onePayment, body: applyBody } }, (req) => {
    const s = staffOf(req);
    return applyPayment(db, s.orgId, s.userId, req.params.id, req.body, s.apiKey?.id);
  });
  r.post("/api/payments/:id/refunds", { onRequest, schema: { ...onePayment, body: refundBody } }, (req) => {
    const s = staffOf(req);
    return refundPaymentWithGateway(
      { db, config: deps.config, mailer: deps.mailer },
      { orgId: s.orgId, userId: s.userId, apiKeyId: s.apiKey?.id },
      req.params.id,
      req.body,
    );
  });

  const oneDocument = { tags, params: idParams, response: { 200: invoiceDetail } };
  r.post("/api/invoices/:id/apply", { onRequest, schema: { ...oneDocument, body: applyBody } }, (req) => {
    const s = staffOf(req);
    return applyCredit(db, s.orgId, s.userId, req.params.id, req.body, s.apiKey?.id);
  });
  r.post("/api/invoices/:id/refunds", { onRequest, schema: { ...oneDocument, body: refundBody } }, (req) => {
    const s = staffOf(req);
    return refundCredit(db, s.orgId, s.userId, req.params.id, req.body, s.apiKey?.id);
  });

  r.get(
    "/api/customers/:id/balances",
    { onRequest, schema: { tags, params: idParams, response: { 200: z.array(customerBalance) } } },
    (req) => getCustomerBalances(db, staffOf(req).orgId, req.params.id),
  );
}
