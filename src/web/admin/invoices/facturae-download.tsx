import { FacturaeDownloadButton } from "../../ui/facturae-download-button.js";
import { useSigningCertificate } from "../settings/signing-certificate-api.js";

/** "Download Facturae" on an issued invoice, offered only once the organisation has a signing certificate. */
export function StaffFacturaeDownload({ invoiceId }: { invoiceId: string }) {
  const status = useSigningCertificate();
  if (!status.data?.certificate) return null;
  return <FacturaeDownloadButton href={`/api/invoices/${encodeURIComponent(invoiceId)}/facturae`} />;
}
