import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { requestLanguage } from "../../http/error-handler.js";
import type { ExportFile } from "./export.service.js";
import { startExport } from "./export.service.js";
import {
  customerExport,
  customerExportQuery,
  invoiceExport,
  invoiceExportQuery,
  paymentExport,
  paymentExportQuery,
  quoteExport,
  quoteExportQuery,
  salesOrderExport,
  salesOrderExportQuery,
} from "./export-lists.js";

const send = (reply: FastifyReply, file: ExportFile) =>
  reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("x-export-rows", String(file.rows))
    .header("cache-control", "no-store")
    .send(file.stream);

/**
 * Exports of the back-office lists (issue 19, decision 059): the list's filters and sort, every matching
 * row, CSV or XLSX, streamed. Daily work: the same rows the member reads a page at a time.
 */
export async function exportRoutes(app: App, { database: { db } }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requireStaff(db);
  const tags = ["exports"];
  // The file streams after the handler returns: its reads keep to their own transactions (decision 031).
  const config = { ownTransactions: true as const };
  const produces = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

  r.get(
    "/api/invoices/export",
    { onRequest, config, schema: { tags, querystring: invoiceExportQuery, produces } },
    async (req, reply) =>
      send(
        reply,
        await startExport(
          db,
          staffOf(req).orgId,
          (today) => invoiceExport(req.query, today),
          req.query.format,
          requestLanguage(req),
        ),
      ),
  );
  r.get(
    "/api/customers/export",
    { onRequest, config, schema: { tags, querystring: customerExportQuery, produces } },
    async (req, reply) =>
      send(
        reply,
        await startExport(
          db,
          staffOf(req).orgId,
          () => customerExport(req.query),
          req.query.format,
          requestLanguage(req),
        ),
      ),
  );
  r.get(
    "/api/sales-orders/export",
    { onRequest, config, schema: { tags, querystring: salesOrderExportQuery, produces } },
    async (req, reply) =>
      send(
        reply,
        await startExport(
          db,
          staffOf(req).orgId,
          () => salesOrderExport(req.query),
          req.query.format,
          requestLanguage(req),
        ),
      ),
  );
  r.get(
    "/api/payments/export",
    { onRequest, config, schema: { tags, querystring: paymentExportQuery, produces } },
    async (req, reply) =>
      send(
        reply,
        await startExport(
          db,
          staffOf(req).orgId,
          () => paymentExport(req.query),
          req.query.format,
          requestLanguage(req),
        ),
      ),
  );
  r.get(
    "/api/quotes/export",
    { onRequest, config, schema: { tags, querystring: quoteExportQuery, produces } },
    async (req, reply) =>
      send(
        reply,
        await startExport(
          db,
          staffOf(req).orgId,
          (today) => quoteExport(req.query, today),
          req.query.format,
          requestLanguage(req),
        ),
      ),
  );
}
