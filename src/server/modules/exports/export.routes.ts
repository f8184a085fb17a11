import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ZodType } from "zod";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { requestLanguage } from "../../http/error-handler.js";
import type { ExportFile } from "./export.service.js";
import { startExport } from "./export.service.js";
import {
  customerExport,
  customerExportQuery,
  type ExportSource,
  invoiceExport,
  invoiceExportQuery,
  paymentExport,
  paymentExportQuery,
  quoteExport,
  quoteExportQuery,
  salesOrderExport,
  salesOrderExportQuery,
} from "./export-lists.js";
import type { ExportFormat } from "./export-writer.js";

const send = (reply: FastifyReply, file: ExportFile) =>
  reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("x-export-rows", String(file.rows))
    .header("cache-control", "no-store")
    .send(file.stream);

/** One export route: its path, its query (the list's filters and sort) and its rows' source. */
interface ExportRoute {
  url: string;
  querystring: ZodType;
  source: (orgId: string, query: unknown, today: string) => ExportSource<unknown>;
}
const route = <Q, R>(
  url: string,
  querystring: ZodType<Q>,
  source: (orgId: string, query: Q, today: string) => ExportSource<R>,
): ExportRoute => ({
  url,
  querystring,
  source: (orgId, query, today) => source(orgId, query as Q, today) as ExportSource<unknown>,
});

/** The lists that export, each as its list route filters and orders. */
const EXPORTS = [
  route("/api/invoices/export", invoiceExportQuery, invoiceExport),
  route("/api/customers/export", customerExportQuery, (orgId, q) => customerExport(orgId, q)),
  route("/api/sales-orders/export", salesOrderExportQuery, (orgId, q) => salesOrderExport(orgId, q)),
  route("/api/payments/export", paymentExportQuery, (orgId, q) => paymentExport(orgId, q)),
  route("/api/quotes/export", quoteExportQuery, quoteExport),
];

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
  for (const e of EXPORTS) {
    r.get(
      e.url,
      { onRequest, config, schema: { tags, querystring: e.querystring, produces } },
      async (req, reply) => {
        const { orgId } = staffOf(req);
        const query = req.query as { format: ExportFormat };
        return send(
          reply,
          await startExport(
            db,
            orgId,
            (today) => e.source(orgId, query, today),
            query.format,
            requestLanguage(req),
          ),
        );
      },
    );
  }
}
