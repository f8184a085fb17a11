import { eq } from "drizzle-orm";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { epcPayload, epcTransferOf, qrMatrix, qrPath } from "../../gateways/transfer/epc-qr.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { isOpenStatus } from "../documents/document-facts.js";
import { pdfLinesAndTotals, pdfParties } from "../documents/pdf-parts.js";
import { RECTIFYING_TITLE, rectificationLines } from "../rectifying/rectification-text.js";
import { verifactuPdfQr } from "../verifactu-xml/document-qr.js";

const titles = {
  invoice: null,
  retainer: { es: "Factura de anticipo", en: "Retainer invoice" },
  credit_note: { es: "Factura rectificativa", en: "Credit note" },
} as const;

const statusLabels: Record<string, { es: string; en: string }> = {
  paid: { es: "Pagada", en: "Paid" },
  partially_paid: { es: "Pagada parcialmente", en: "Partially paid" },
  closed: { es: "Cerrada", en: "Closed" },
  void: { es: "Anulada", en: "Void" },
  draft: { es: "Borrador", en: "Draft" },
};

/** The PDF of an invoice as the customer sees it: issued data comes from the frozen customer snapshot. */
export async function buildInvoicePdf(
  tx: Tx,
  orgId: string,
  invoice: InvoiceDetail,
  locale: "es" | "en",
): Promise<Buffer> {
  const customer = {
    id: invoice.customerId,
    snapshot: await findSnapshot(tx, invoice),
    name: invoice.customerName,
  };
  const data: InvoicePdfData = {
    ...(await pdfParties(tx, orgId, locale, customer, true)),
    document: {
      // A Spanish rectifying invoice is titled as one and says what it rectifies and why (decision 051).
      title: invoice.rectification ? RECTIFYING_TITLE[locale] : titles[invoice.kind]?.[locale],
      number: invoice.number ?? (locale === "es" ? "Borrador" : "Draft"),
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      statusLabel: statusLabels[invoice.status]?.[locale] ?? null,
      // A credit note says which invoice it corrects (Spanish rectificativas must).
      notes:
        [
          ...(invoice.rectification
            ? rectificationLines(invoice.rectification, locale, invoice.currency)
            : [
                invoice.correctsInvoiceNumber
                  ? `${locale === "es" ? "Rectifica la factura" : "Corrects invoice"} ${invoice.correctsInvoiceNumber}`
                  : null,
              ]),
          invoice.notes,
        ]
          .filter(Boolean)
          .join("\n") || null,
      terms: invoice.terms,
    },
    ...pdfLinesAndTotals(invoice, invoice),
  };
  return renderInvoicePdf({
    ...data,
    transfer: transferOf(data, invoice),
    verifactu: verifactuPdfQr(invoice.verifactuQrUrl),
  });
}

/** What an open invoice still asks for by transfer, with the EPC QR code when it is in euros. */
function transferOf(data: InvoicePdfData, invoice: InvoiceDetail): InvoicePdfData["transfer"] {
  const { iban, bic, legalName, name } = data.org;
  const dueMinor = data.totals.dueMinor;
  const isOpen = isOpenStatus(invoice.status);
  if (!iban || !isOpen || dueMinor <= 0) return null;
  const epc = epcTransferOf({
    iban,
    bic: bic ?? null,
    beneficiary: legalName || name,
    currency: invoice.currency,
    dueMinor,
    isOpen,
    reference: invoice.number,
  });
  return { amountMinor: dueMinor, qr: epc ? qrPath(qrMatrix(epcPayload(epc))) : null };
}

async function findSnapshot(tx: Tx, invoice: InvoiceDetail): Promise<Record<string, unknown> | null> {
  const [row] = await tx
    .select({ s: invoices.customerSnapshot })
    .from(invoices)
    .where(eq(invoices.id, invoice.id));
  return row?.s ?? null;
}

export const invoicePdfFilename = (invoice: Pick<InvoiceDetail, "number" | "id">) =>
  `${(invoice.number ?? `draft-${invoice.id.slice(0, 8)}`).replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;
