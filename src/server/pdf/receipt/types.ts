import type { PdfLocale } from "../labels.js";
import type { InvoicePdfData, PdfParty } from "../types.js";
import type { ReceiptMethod } from "./receipt-labels.js";

/** Everything a receipt prints; every string is untrusted plain text. Amounts in minor units. */
export interface ReceiptPdfData {
  locale: PdfLocale;
  timeZone: string;
  org: InvoicePdfData["org"];
  customer: PdfParty;
  receipt: {
    number: string;
    /** YYYY-MM-DD */
    paidOn: string;
    currency: string;
    amountMinor: number;
    method: ReceiptMethod;
    reference: string | null;
    gateway: string | null;
    gatewayReference: string | null;
    unappliedMinor: number;
  };
  /** Net per invoice (a refund taken back off an invoice is already netted). */
  invoices: {
    number: string;
    kind: "invoice" | "retainer" | "credit_note";
    appliedOn: string;
    amountMinor: number;
  }[];
  refunds: { refundedOn: string; method: ReceiptMethod; reference: string | null; amountMinor: number }[];
}
