import type { Messages } from "../types.js";
import type { exportsEs } from "./exports.es.js";

/** Texts of list exports (issue 19), under `exports`. */
export const exportsEn: Messages<typeof exportsEs> = {
  menu: "Export",
  csv: "CSV (programs and spreadsheets)",
  xlsx: "Excel (XLSX)",
  title: "Exporting the list",
  preparing: "Preparing the file…",
  received: "{{size}} received",
  rows: "{{done}} of {{total}} rows",
  totalRows: "{{total}} rows",
  cancel: "Cancel",
  close: "Close",
  done: "Export downloaded: {{filename}}",
  failed: "The export failed.",
  failedRetry: "The download was cut off. Try again; if it happens again, narrow the list with the filters.",
  cancelled: "Export cancelled.",
};
