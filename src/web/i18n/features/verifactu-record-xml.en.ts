import type { Messages } from "../types.js";
import type { verifactuRecordXmlEs } from "./verifactu-record-xml.es.js";

export const verifactuRecordXmlEn: Messages<typeof verifactuRecordXmlEs> = {
  column: "XML",
  link: "XML",
  label: "Download the XML of record {{sequence}} ({{number}})",
};
