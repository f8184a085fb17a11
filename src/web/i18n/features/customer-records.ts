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
};
