import type { Messages } from "../types.js";

/** Texts of editing and removing contacts and archiving customers (issue 10), under `customerRecords`. */
export const customerRecordsEs = {
  contacts: {
    edit: "Editar",
    editTitle: "Editar a {{name}}",
    editLabel: "Editar a {{name}}",
    remove: "Eliminar",
    removeLabel: "Eliminar a {{name}}",
    language: "Idioma",
    languageDefault: "El idioma del cliente",
    emailChangeNote:
      "Si cambias el email, se cerrará su acceso al portal y sus enlaces dejarán de funcionar; si tenía acceso, recibirá una invitación nueva en la nueva dirección.",
    saved: "Contacto guardado",
    removed: "Contacto eliminado",
    confirmRemove: {
      title: "¿Eliminar a {{name}}?",
      body: "Dejará de estar en la lista de contactos, se cerrarán sus sesiones del portal y dejarán de funcionar sus enlaces a documentos. Los documentos ya enviados no cambian.",
      confirm: "Eliminar contacto",
    },
  },
  archive: {
    archive: "Archivar",
    showArchived: "Ver archivados",
    archivedBadge: "Archivado",
    confirmTitle: "¿Archivar a {{name}}?",
    confirmBody:
      "Dejará de aparecer en las listas y al crear documentos, y sus contactos perderán el acceso al portal ahora mismo (sus enlaces dejarán de funcionar). Sus facturas y demás documentos se conservan y puedes restaurarlo cuando quieras.",
    archived: "Cliente archivado",
    bannerTitle: "Cliente archivado",
    bannerBody:
      "No aparece en las listas ni se le pueden crear documentos. Al restaurarlo, sus contactos necesitarán que les actives de nuevo el acceso al portal.",
    restore: "Restaurar",
    restored: "Cliente restaurado",
  },
  portal: {
    accessEnded:
      "Este acceso al portal ya no es válido. Si lo necesitas, pide una invitación nueva a quien te lo envió.",
  },
};

export const customerRecordsEn: Messages<typeof customerRecordsEs> = {
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
  portal: {
    accessEnded:
      "This portal access is no longer valid. If you need it, ask whoever sent it to you for a new invitation.",
  },
};
