/** A billing record's AEAT XML in Settings › VERI*FACTU (issue 17, decisions 049/050). */
export const verifactuRecordXmlEs = {
  column: "XML",
  link: "XML",
  label: "Descargar el XML del registro {{sequence}} ({{number}})",
};
