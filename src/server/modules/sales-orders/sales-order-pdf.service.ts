import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { buildSalesOrderPdf, salesOrderPdfFilename } from "./sales-order-pdf.js";
import { findDetail, findOrder } from "./sales-orders.queries.js";

/** The staff download: drawn in the customer's language unless the request chose one. */
export function staffSalesOrderPdf(db: Db, orgId: string, orderId: string, lang: PdfLanguageChoice) {
  return withOrg(db, orgId, async (tx) => {
    const detail = await findDetail(tx, await findOrder(tx, orderId));
    return {
      pdf: await buildSalesOrderPdf(
        tx,
        orgId,
        detail,
        await pdfLanguage(tx, { customerId: detail.customerId }, lang),
      ),
      filename: salesOrderPdfFilename(detail),
    };
  });
}
