import type { QuoteDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { pdfLinesAndTotals, pdfParties } from "../documents/pdf-parts.js";
import { findAcceptance, findQuote } from "./quotes.queries.js";

const statusLabels: Record<string, { es: string; en: string }> = {
  draft: { es: "Borrador", en: "Draft" },
  accepted: { es: "Aceptado", en: "Accepted" },
  declined: { es: "Rechazado", en: "Declined" },
  expired: { es: "Caducado", en: "Expired" },
  superseded: { es: "Sustituido por una versión posterior", en: "Superseded by a later version" },
  invoiced: { es: "Facturado", en: "Invoiced" },
};

/**
 * The PDF of a quote as the customer sees it (frozen customer snapshot once sent). An accepted quote
 * carries the drawn signature and a certificate page with the acceptance evidence (G2).
 */
export async function buildQuotePdf(
  tx: Tx,
  orgId: string,
  quote: QuoteDetail,
  locale: "es" | "en",
): Promise<Buffer> {
  const { customerSnapshot } = await findQuote(tx, quote.id);
  const customer = { id: quote.customerId, snapshot: customerSnapshot, name: quote.customerName };
  const acceptance = await findAcceptance(tx, quote.id);
  const data: InvoicePdfData = {
    ...(await pdfParties(tx, orgId, locale, customer, false)),
    document: {
      kind: "quote",
      number: quote.displayNumber ?? (locale === "es" ? "Borrador" : "Draft"),
      issueDate: quote.issueDate,
      dueDate: quote.expiryDate,
      currency: quote.currency,
      statusLabel: statusLabels[quote.status]?.[locale] ?? null,
      notes: quote.notes,
      terms: quote.terms,
    },
    ...pdfLinesAndTotals(quote),
    acceptance: acceptance
      ? {
          signerName: acceptance.signerName,
          signerEmail: acceptance.signerEmail,
          acceptedAt: acceptance.acceptedAt,
          ip: acceptance.ip,
          userAgent: acceptance.userAgent,
          documentHash: acceptance.documentHash,
          signaturePng: acceptance.signaturePng,
          signatureText: acceptance.signatureKind === "typed" ? acceptance.signatureText : null,
        }
      : null,
  };
  return renderInvoicePdf(data);
}

export const quotePdfFilename = (quote: Pick<QuoteDetail, "displayNumber" | "id">) =>
  `${(quote.displayNumber ?? `draft-quote-${quote.id.slice(0, 8)}`).replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;
