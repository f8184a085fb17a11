import type { Messages } from "../types.js";
import type { einvoiceUblEs } from "./einvoice-ubl.es.js";

export const einvoiceUblEn: Messages<typeof einvoiceUblEs> = {
  download: "Download e-invoice (UBL)",
  downloadHint: "UBL 2.1 XML file (Peppol BIS Billing 3.0) for accounting software",
};
