import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParams, slugIdParams } from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { auditOriginOf } from "../audit/audit.service.js";
import { portalInvoiceUbl, staffInvoiceUbl, type UblFile } from "./einvoice-ubl.service.js";

const replyXml = (reply: FastifyReply, { xml, filename }: UblFile) =>
  reply
    .type("application/xml; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(xml);

/** Issue 17 §3 (decision 052): an issued invoice's UBL 2.1 / Peppol BIS Billing 3.0 e-invoice. */
export async function einvoiceUblRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const produces = ["application/xml"];
  // Reads in their own transaction, the XML written after it (einvoice-ubl.service.ts; decision 031).
  const config = { ownTransactions: true as const };
  r.get(
    "/api/invoices/:id/ubl",
    { onRequest: requireStaff(db), config, schema: { tags: ["invoices"], params: idParams, produces } },
    async (req, reply) => replyXml(reply, await staffInvoiceUbl(db, staffOf(req).orgId, req.params.id)),
  );
  r.get(
    "/api/portal/:slug/invoices/:id/ubl",
    { onRequest: requireContact(db), config, schema: { tags: ["portal"], params: slugIdParams, produces } },
    async (req, reply) =>
      replyXml(reply, await portalInvoiceUbl(db, contactOf(req), req.params.id, auditOriginOf(req))),
  );
}
