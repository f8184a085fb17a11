import type { Messages } from "../types.js";
import type { verifactuQrEs } from "./verifactu-qr.es.js";

export const verifactuQrEn: Messages<typeof verifactuQrEs> = {
  region: "VERI*FACTU QR code",
  label: "VERI*FACTU QR code: opens the check of this invoice at the Spanish Tax Agency (AEAT)",
  open: "Check this invoice with the Spanish Tax Agency (AEAT)",
};
