import type { Messages } from "../types.js";
import type { customerRecordsEs } from "./customer-records.es.js";
import { customerRecordsPortalEn } from "./customer-records.portal.en.js";

export const customerRecordsEn: Messages<typeof customerRecordsEs> = {
  ...customerRecordsPortalEn,
  contacts: {
    edit: "Edit",
    editTitle: "Edit {{name}}",
    editLabel: "Edit {{name}}",
    remove: "Remove",
    removeLabel: "Remove {{name}}",
    language: "Language",
    languageDefault: "The customer's language",
    emailChangeNote:
      "Changing the email ends this contact's portal access and its document links stop working; if the contact had access, an invitation goes to the new address.",
    saved: "Contact saved",
    removed: "Contact removed",
    confirmRemove: {
      title: "Remove {{name}}?",
      body: "The contact leaves the list, its portal sessions end and its document links stop working. Documents already sent do not change.",
      confirm: "Remove contact",
    },
  },
  archive: {
    archive: "Archive",
    showArchived: "Show archived",
    archivedBadge: "Archived",
    confirmTitle: "Archive {{name}}?",
    confirmBody:
      "It leaves the lists and the document forms, and its contacts lose portal access right away (their links stop working). Its invoices and other documents are kept, and you can restore it at any time.",
    archived: "Customer archived",
    bannerTitle: "Archived customer",
    bannerBody:
      "It is left out of lists and no documents can be made for it. After restoring it, enable its contacts' portal access again.",
    restore: "Restore",
    restored: "Customer restored",
  },
};
