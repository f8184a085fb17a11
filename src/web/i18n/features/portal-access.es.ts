import { portalAccessPortalEs } from "./portal-access.portal.es.js";

/** Texts of one feature, merged into the catalogues under `portalAccess`. */
export const portalAccessEs = {
  ...portalAccessPortalEs,
  nav: "Acceso al portal",
  title: "Acceso al portal",
  intro: "Quién de este cliente puede entrar en el portal.",
  empty: "Este cliente no tiene contactos. Añade uno para darle acceso.",
  lastSignIn: "Último acceso: {{date}}",
  invitedOn: "Invitado el {{date}}",
  noEmail: "Sin email",
  status: { none: "Sin acceso", invited: "Invitado", active: "Activo", disabled: "Desactivado" },
  enable: "Activar acceso al portal",
  reinvite: "Reenviar invitación",
  disable: "Desactivar acceso",
  disableAll: "Desactivar el acceso de todos",
  preview: "Ver portal como este contacto",
  previewBlocked: "Permite las ventanas emergentes para abrir la vista previa.",
  enableModal: {
    title: "Activar acceso de {{name}}",
    modeLabel: "Cómo accede",
    invite: "Enviar una invitación",
    password: "Poner una contraseña",
    inviteHelp:
      "Recibirá en {{email}} un email con la dirección del portal, su usuario y un botón para elegir su contraseña. El enlace caduca en 7 días.",
    passwordHelp: "No se envía ningún email: comunícale tú la contraseña. Mínimo 12 caracteres.",
    passwordField: "Contraseña",
    send: "Enviar invitación",
    save: "Guardar contraseña",
  },
  confirmDisable: {
    title: "¿Desactivar el acceso de {{name}}?",
    body: "Se cerrarán sus sesiones abiertas y dejarán de funcionar sus enlaces a documentos y su invitación. Puedes volver a activarlo más tarde.",
    allTitle: "¿Desactivar el acceso de todos los contactos?",
    allBody:
      "Todos los contactos de este cliente saldrán del portal ahora y sus enlaces dejarán de funcionar.",
  },
  done: {
    invited: "Invitación enviada a {{email}}.",
    password: "Contraseña guardada: {{name}} ya puede entrar.",
    disabled: "Acceso desactivado.",
  },
  bulk: {
    title: "Dar acceso al portal en bloque",
    intro:
      "Elige clientes: se invitará a cada contacto con email que aún no tenga acceso. Verás a quién se ha invitado y a quién no, y por qué.",
    search: "Buscar clientes",
    selectAll: "Seleccionar todos los mostrados",
    selectCustomer: "Seleccionar {{name}}",
    contacts: "Contactos: {{count}}",
    selected: "Clientes seleccionados: {{count}}",
    run: "Enviar invitaciones",
    noCustomers: "No hay clientes que coincidan.",
    report: "Resultado",
    invitedCount: "Invitaciones enviadas: {{count}}",
    skippedCount: "Sin invitar: {{count}}",
    customer: "Cliente",
    contact: "Contacto",
    result: "Resultado",
    invited: "Invitado ({{email}})",
    reason: {
      no_email: "Sin email",
      already_enabled: "Ya tenía acceso",
      no_contacts: "El cliente no tiene contactos",
      disabled: "Acceso desactivado por vosotros",
    },
  },
};
