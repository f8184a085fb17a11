import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { buildInvoicePdf, invoicePdfFilename } from "./invoice-pdf.js";
import { findDetail, findInvoice } from "./invoices.queries.js";
import { orgToday } from "./invoices.service.js";

/** The staff download: drawn in the customer's language unless the request chose one. */
export function staffInvoicePdf(db: Db, orgId: string, invoiceId: string, lang: PdfLanguageChoice) {
  return withOrg(db, orgId, async (tx) => {
    const detail = await findDetail(tx, await findInvoice(tx, invoiceId), await orgToday(tx, orgId));
    return {
      pdf: await buildInvoicePdf(
        tx,
        orgId,
        detail,
        await pdfLanguage(tx, { customerId: detail.customerId }, lang),
      ),
      filename: invoicePdfFilename(detail),
    };
  });
}
