import { qrMatrix, qrPath } from "../../gateways/transfer/epc-qr.js";
import { verifactuQrUrl } from "./qr-url.js";

interface QrOrganisation {
  verifactuEnabled: boolean;
  taxId: string | null;
}

interface QrDocument {
  kind: "invoice" | "retainer" | "credit_note";
  status: string;
  number: string | null;
  issueDate: string;
  netMinor: number;
  taxBreakdown: { rateBp: number; amountMinor: number }[];
  /** A rectifying invoice's method and rectified invoices (decision 051), when it is one. */
  rectificationMethod?: string | null;
  rectifiedInvoices?: { baseMinor: number | null; taxMinor: number | null }[] | null;
}

/**
 * The amount the QR states is the record's ImporteTotal, computed as `modules/verifactu` computes it
 * (`amountsOf`, decision 049): the net plus the tax charged. Withholdings (negative rates, IRPF) are not
 * part of VERI*FACTU's amounts, so an invoice with IRPF states more than its total payable. A credit note
 * rectifies by difference: its amounts are negative.
 */
export function recordTotalMinor(
  doc: Pick<QrDocument, "kind" | "netMinor" | "taxBreakdown" | "rectificationMethod" | "rectifiedInvoices">,
): number {
  const charged = doc.taxBreakdown.filter((t) => t.rateBp > 0).reduce((sum, t) => sum + t.amountMinor, 0);
  const own = (doc.kind === "credit_note" ? -1 : 1) * (doc.netMinor + charged);
  // By substitution the record states the corrected invoice in full (decision 049, wiring): the rectified
  // invoice's base and tax less this credit. (A rectified invoice with a withholding: its stored tax
  // includes it, so the QR would differ from the record by it.)
  const rectified = doc.rectifiedInvoices?.[0];
  if (doc.kind === "credit_note" && doc.rectificationMethod === "substitution" && rectified)
    return (rectified.baseMinor ?? 0) + (rectified.taxMinor ?? 0) + own;
  return own;
}

/**
 * AEAT's validation URL of an issued invoice or credit note when its organisation is in VERI*FACTU mode
 * (with a NIF); null for drafts and outside the mode. The same answer feeds the PDF and both web views.
 */
export function verifactuQrUrlOf(org: QrOrganisation, doc: QrDocument): string | null {
  if (!org.verifactuEnabled || !org.taxId?.trim() || doc.status === "draft" || !doc.number) return null;
  return verifactuQrUrl({
    nif: org.taxId,
    numSerie: doc.number,
    issueDate: doc.issueDate,
    totalMinor: recordTotalMinor(doc),
  });
}

/** The QR symbol of that URL (error correction M) as the PDF draws it. */
export function verifactuPdfQr(
  url: string | null,
): { url: string; qr: { path: string; size: number } } | null {
  return url ? { url, qr: qrPath(qrMatrix(url)) } : null;
}
