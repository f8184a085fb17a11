import type { Messages } from "../types.js";
import type { signingCertificateEs } from "./signing-certificate.es.js";

/** Texts of Settings › Organisation › Signing certificate (issue 17 §3, decision 053), under `signingCertificate`. */
export const signingCertificateEn: Messages<typeof signingCertificateEs> = {
  title: "Signing certificate",
  intro:
    "The organisation's certificate (PKCS#12: .p12 or .pfx) signs the Facturae invoices public administrations ask for. It is stored encrypted and never leaves the server.",
  none: "No certificate yet. Without one, Facturae files cannot be downloaded.",
  subject: "Holder",
  issuer: "Issuer",
  serialNumber: "Serial number",
  validity: "Validity",
  validityRange: "From {{from}} to {{to}}",
  nif: "Tax id in the certificate",
  noNif: "Not stated",
  file: "Certificate file",
  fileHint: ".p12 or .pfx, at most 50 KB",
  password: "Certificate password",
  upload: "Upload certificate",
  replace: "Replace certificate",
  remove: "Remove certificate",
  removeConfirm: "Remove the certificate? Facturae files cannot be downloaded until another is uploaded.",
  saved: "Certificate saved",
  removed: "Certificate removed",
  chooseFile: "Choose the certificate file",
  fileTooLarge: "The file may be at most 50 KB",
  dir3Title: "Public administration (DIR3)",
  dir3Hint: "Only for customers that are public administrations: the codes of their e-invoices (FACe).",
  dir3AccountingOffice: "Accounting office",
  dir3ManagingBody: "Managing body",
  dir3ProcessingUnit: "Processing unit",
};
