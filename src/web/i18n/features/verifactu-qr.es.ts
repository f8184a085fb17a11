/**
 * The VERI*FACTU QR of an invoice (issue 17), in both apps, merged into the catalogues under
 * `verifactuQr`. The legends beside the code are legal text, Spanish in both languages, and not here.
 */
export const verifactuQrEs = {
  region: "Código QR VERI*FACTU",
  label: "Código QR VERI*FACTU: abre la comprobación de esta factura en la sede electrónica de la AEAT",
  open: "Comprobar esta factura en la AEAT",
};
