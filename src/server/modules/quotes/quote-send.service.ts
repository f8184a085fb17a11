import type { IssueDateBody } from "../../../shared/contracts/index.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { publishStatus } from "../../realtime/realtime.js";
import { deliverDocument } from "../documents/deliver-document.js";
import { orgToday } from "../invoices/invoices.service.js";
import { buildQuotePdf, quotePdfFilename } from "./quote-pdf.js";
import { findDetail } from "./quotes.queries.js";
import { markSentInTx } from "./quotes.service.js";

/**
 * Sends a quote by the organisation's delivery mode (C3): a draft is numbered (or, for a revision,
 * supersedes the one it revises) in the same transaction as the emails; an open quote is sent again.
 */
export async function sendQuote(
  deps: { db: Db; config: Config; mailer: Mailer },
  orgId: string,
  quoteId: string,
  contactIds: string[] | undefined,
  dates?: IssueDateBody,
) {
  const result = await withOrg(deps.db, orgId, async (tx) => {
    const quote = await markSentInTx(tx, orgId, quoteId, dates);
    const detail = await findDetail(tx, quote, await orgToday(tx, orgId));
    const sent = await deliverDocument(tx, deps, {
      orgId,
      customerId: quote.customerId,
      documentType: "quote",
      documentId: quote.id,
      contactIds,
      emailKind: "quote_sent",
      emailVars: () => ({
        number: detail.displayNumber,
        total_minor: quote.totalMinor,
        currency: quote.currency,
        expiry_date: quote.expiryDate,
      }),
      renderPdf: (lang) => buildQuotePdf(tx, orgId, detail, lang),
      pdfFilename: quotePdfFilename(detail),
    });
    const live = { orgId, customerId: quote.customerId, documentType: "quote" as const };
    await publishStatus(tx, { ...live, documentId: quote.id, status: "sent" });
    // A sent revision supersedes the one it revises: a contact reading the old one learns it at once.
    if (quote.previousId)
      await publishStatus(tx, { ...live, documentId: quote.previousId, status: "superseded" });
    return { ...sent, quote: detail };
  });
  void deps.mailer.deliverQueued();
  return result;
}
