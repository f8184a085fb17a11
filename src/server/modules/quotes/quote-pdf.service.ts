import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { orgToday } from "../invoices/invoices.service.js";
import { buildQuotePdf, quotePdfFilename } from "./quote-pdf.js";
import { findAcceptance, findDetail, findQuote } from "./quotes.queries.js";

/** The staff download: drawn in the customer's language unless the request chose one. */
export function staffQuotePdf(db: Db, orgId: string, quoteId: string, lang: PdfLanguageChoice) {
  return withOrg(db, orgId, async (tx) => {
    const detail = await findDetail(tx, await findQuote(tx, quoteId), await orgToday(tx, orgId));
    return {
      pdf: await buildQuotePdf(
        tx,
        orgId,
        detail,
        await pdfLanguage(tx, { customerId: detail.customerId }, lang),
      ),
      filename: quotePdfFilename(detail),
    };
  });
}

/** The PNG the contact drew when accepting, or null when the quote was accepted without one. */
export function quoteSignaturePng(db: Db, orgId: string, quoteId: string) {
  return withOrg(db, orgId, async (tx) => {
    const q = await findQuote(tx, quoteId);
    return (await findAcceptance(tx, q.id))?.signaturePng ?? null;
  });
}
