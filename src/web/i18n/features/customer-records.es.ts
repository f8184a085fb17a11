import { customerRecordsPortalEs } from "./customer-records.portal.es.js";

/** Texts of editing and removing contacts and archiving customers (issue 10), under `customerRecords`. */
export const customerRecordsEs = {
  ...customerRecordsPortalEs,
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
};
