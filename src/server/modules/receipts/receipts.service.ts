import type { z } from "zod";
import type {
  PaymentDetail,
  PortalPaymentDetail,
  PortalPaymentSummary,
  portalPaymentListQuery,
} from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { withContact, withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import {
  findPayment,
  findPaymentDetail,
  listPaymentSummaries,
  type PaymentRow,
} from "../payments/payments.service.js";
import { buildReceiptPdf, receiptPdfFilename } from "./receipt-pdf.js";

/**
 * RLS already limits a contact to its customer's payments; the explicit check keeps that true should a
 * policy ever widen, and answers 404 exactly like a missing payment.
 */
async function findOwnPayment(tx: Tx, p: ContactPrincipal, id: string): Promise<PaymentRow> {
  const payment = await findPayment(tx, id);
  if (payment.customerId !== p.customerId) throw new AppError("NOT_FOUND");
  return payment;
}

/** Drops what is for staff only: internal notes (of the payment and its refunds), what is refundable. */
function toPortalDetail(payment: PaymentRow, detail: PaymentDetail): PortalPaymentDetail {
  const { customerId: _c, customerName: _n, notes: _notes, refundableMinor: _r, refunds, ...rest } = detail;
  return {
    ...rest,
    gatewayReference: payment.gatewayReference,
    refunds: refunds.map(({ notes: _rn, ...r }) => r),
  };
}

/** Payments made (E6): the customer's payments, online and offline, newest first unless asked. */
export function listPortalPayments(
  db: Db,
  p: ContactPrincipal,
  query: z.output<typeof portalPaymentListQuery>,
): Promise<PortalPaymentSummary[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const rows = await listPaymentSummaries(tx, { ...query, customerId: p.customerId });
    return rows.map(({ customerId: _c, customerName: _n, ...rest }) => rest);
  });
}

export function getPortalPayment(db: Db, p: ContactPrincipal, id: string): Promise<PortalPaymentDetail> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const payment = await findOwnPayment(tx, p, id);
    return toPortalDetail(payment, await findPaymentDetail(tx, payment));
  });
}

/** The receipt PDF for the contact; a download is in the audit trail (G3) like an invoice's. */
export function portalReceiptPdf(
  db: Db,
  p: ContactPrincipal,
  id: string,
  lang: PdfLanguageChoice,
  origin: AuditOrigin,
): Promise<{ pdf: Buffer; filename: string }> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const payment = await findOwnPayment(tx, p, id);
    const locale = await pdfLanguage(tx, p, lang);
    const pdf = await buildReceiptPdf(tx, p.orgId, payment, await findPaymentDetail(tx, payment), locale);
    if (!p.preview)
      await recordContactEvent(
        tx,
        p,
        {
          action: "document_downloaded",
          documentType: "payment",
          documentId: payment.id,
          details: { number: payment.number },
        },
        origin,
      );
    return { pdf, filename: receiptPdfFilename(payment) };
  });
}

export function staffReceiptPdf(
  db: Db,
  orgId: string,
  id: string,
  lang: PdfLanguageChoice,
): Promise<{ pdf: Buffer; filename: string }> {
  return withOrg(db, orgId, async (tx) => {
    const payment = await findPayment(tx, id);
    const locale = await pdfLanguage(tx, { customerId: payment.customerId }, lang);
    const pdf = await buildReceiptPdf(tx, orgId, payment, await findPaymentDetail(tx, payment), locale);
    return { pdf, filename: receiptPdfFilename(payment) };
  });
}
