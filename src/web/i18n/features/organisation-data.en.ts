import type { Messages } from "../types.js";
import type { organisationDataEs } from "./organisation-data.es.js";

export const organisationDataEn: Messages<typeof organisationDataEs> = {
  exportTitle: "Your data",
  exportIntro:
    "Download one ZIP file with all of the organisation's data (a JSON file per table) and the PDF of every issued document. Passwords, sessions and keys are left out.",
  exportButton: "Export all data",
  dangerTitle: "Danger zone",
  dangerIntro:
    "Deleting the organisation removes its customers, documents, payments, team, API keys and portal links at once. It cannot be undone.",
  lawNotice: "The law may require you to keep issued invoices for years: export your data before deleting.",
  deleteButton: "Delete this organisation",
  modalTitle: "Delete {{name}}",
  typeSlug: "Type {{slug}} to confirm",
  confirm: "Delete for ever",
  done: "The organisation has been deleted.",
};
