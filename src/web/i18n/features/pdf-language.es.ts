/** The language choice beside the back office's PDF downloads (issue 10 item 7), under `pdfLanguage`. */
export const pdfLanguageEs = {
  label: "Idioma del PDF",
};
