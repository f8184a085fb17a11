/** The UBL e-invoice download of the back office's and the portal's invoice pages (issue 17 §3), under `einvoiceUbl`. */
export const einvoiceUblEs = {
  download: "Descargar factura electrónica (UBL)",
  downloadHint: "Archivo XML UBL 2.1 (Peppol BIS Billing 3.0) para el programa de contabilidad",
};
