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
  totalMinor: number;
}

/**
 * The amount the QR states is the record's ImporteTotal. A credit note lowers what was invoiced, so its
 * record (a rectifying invoice by difference) carries the total as a negative amount.
 */
export const recordTotalMinor = (doc: Pick<QrDocument, "kind" | "totalMinor">): number =>
  doc.kind === "credit_note" ? -doc.totalMinor : doc.totalMinor;

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
