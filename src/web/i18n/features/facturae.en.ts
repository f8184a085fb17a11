import type { Messages } from "../types.js";
import type { facturaeEs } from "./facturae.es.js";

/** Texts of the Facturae download (issue 17 §3), under `facturae`: the back office's and the portal's button. */
export const facturaeEn: Messages<typeof facturaeEs> = {
  download: "Download Facturae",
  downloadHint: "Signed e-invoice (Facturae 3.2.2) for public administrations",
  downloadFailed: "The Facturae file could not be downloaded",
};
