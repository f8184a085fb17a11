import type { PdfLocale } from "./labels.js";

export interface PdfParty {
  name: string;
  legalName?: string | null;
  taxId?: string | null;
  addressLines: string[];
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

export interface InvoicePdfData {
  locale: PdfLocale;
  /** The organisation's zone. Document dates are calendar dates and are printed unshifted. */
  timeZone: string;
  org: PdfParty & {
    iban?: string | null;
    bic?: string | null;
    /** #rrggbb; anything else falls back to the default colour. */
    brandColor: string;
    logo?: { data: Buffer; mime: "image/png" | "image/jpeg" } | null;
  };
  customer: PdfParty;
  document: {
    /** Which labels the header uses; an invoice when omitted. */
    kind?: "invoice" | "quote";
    title?: string;
    number: string;
    /** YYYY-MM-DD */
    issueDate: string;
    dueDate?: string | null;
    currency: string;
    statusLabel?: string | null;
    notes?: string | null;
    terms?: string | null;
  };
  lines: {
    description: string;
    quantityMilli: number;
    unitPriceMinor: number;
    discountBp: number;
    netMinor: number;
    taxLabels: string[];
  }[];
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    netMinor: number;
    taxes: { label: string; baseMinor: number; amountMinor: number }[];
    totalMinor: number;
    paidMinor: number;
    dueMinor: number;
  };
  /**
   * Issue 13: an open invoice with something due, from an organisation with an IBAN, asks for that
   * amount by transfer; in euros it also prints the EPC QR code, given as the path of its dark modules
   * in module units (`size` modules a side, quiet zone included).
   */
  transfer?: { amountMinor: number; qr: { path: string; size: number } | null } | null;
  /**
   * Issue 17: an issued invoice or credit note of an organisation in VERI*FACTU mode prints AEAT's QR
   * (the validation URL) at the top of its first page, as the path of its dark modules like `transfer.qr`.
   */
  verifactu?: { url: string; qr: { path: string; size: number } } | null;
  /** G2: an accepted quote prints the signature and a certificate page. */
  acceptance?: PdfAcceptance | null;
}

export interface PdfAcceptance {
  signerName: string;
  signerEmail: string;
  acceptedAt: Date;
  ip: string;
  userAgent: string | null;
  /** Hex SHA-256 of the canonical quote. */
  documentHash: string;
  signaturePng: Buffer | null;
  /** A typed signature (issue 10): printed in an italic script instead of an image. */
  signatureText?: string | null;
}
