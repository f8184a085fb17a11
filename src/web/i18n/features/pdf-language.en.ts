import type { Messages } from "../types.js";
import type { pdfLanguageEs } from "./pdf-language.es.js";

export const pdfLanguageEn: Messages<typeof pdfLanguageEs> = {
  label: "PDF language",
};
