/** Texts of the Facturae download (issue 17 §3), under `facturae`: the back office's and the portal's button. */
export const facturaeEs = {
  download: "Descargar Facturae",
  downloadHint: "Factura electrónica firmada (Facturae 3.2.2) para administraciones públicas",
  downloadFailed: "No se ha podido descargar la factura Facturae",
};
