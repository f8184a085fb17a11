import type { PaymentDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { renderReceiptPdf } from "../../pdf/receipt/render-receipt-pdf.js";
import { pdfParties } from "../documents/pdf-parts.js";
import type { PaymentRow } from "../payments/payments.service.js";

/**
 * A payment's receipt as a PDF (E6). The customer block is the live customer: a payment has no frozen
 * snapshot, and the receipt is what the customer is told today about money it paid.
 */
export async function buildReceiptPdf(
  tx: Tx,
  orgId: string,
  payment: PaymentRow,
  detail: PaymentDetail,
  locale: "es" | "en",
): Promise<Buffer> {
  return renderReceiptPdf({
    ...(await pdfParties(tx, orgId, locale, { id: payment.customerId, snapshot: null }, false)),
    receipt: {
      number: payment.number,
      paidOn: payment.paidOn,
      currency: payment.currency,
      amountMinor: payment.amountMinor,
      method: payment.method,
      reference: payment.reference,
      gateway: payment.gateway,
      gatewayReference: payment.gatewayReference,
      unappliedMinor: detail.unappliedMinor,
    },
    invoices: detail.allocations.map((a) => ({
      number: a.invoiceNumber ?? "—",
      kind: a.invoiceKind,
      appliedOn: a.appliedOn,
      amountMinor: a.amountMinor,
    })),
    refunds: detail.refunds.map((r) => ({
      refundedOn: r.refundedOn,
      method: r.method,
      reference: r.reference,
      amountMinor: r.amountMinor,
    })),
  });
}

export const receiptPdfFilename = (payment: Pick<PaymentRow, "number">) =>
  `${payment.number.replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;
