/** Texts of comments (A14), live updates (G4) and sharing (E14), merged under `comments`. */
export const commentsEs = {
  title: "Comentarios",
  empty: "Aún no hay comentarios.",
  label: "Comentario",
  showInPortal: "Mostrar en el portal",
  showInPortalHint: "El cliente verá este comentario en su portal.",
  shownInPortal: "Visible en el portal",
  internal: "Interno",
  submit: "Añadir comentario",
  required: "Escribe un comentario.",
  tooLong: "Como máximo 5000 caracteres.",
  you: "Tú",
  fromCustomer: "Cliente",
  previewReadOnly: "En la vista previa no se pueden añadir comentarios.",
  share: {
    button: "Compartir",
    title: "Compartir con otra persona",
    intro:
      "Le enviaremos un enlace a este documento por email. Pasará a ser un contacto de tu empresa en el portal.",
    name: "Nombre",
    email: "Email",
    submit: "Enviar",
    cancel: "Cancelar",
    done: "Hemos enviado el documento a {{email}}.",
    invalidEmail: "Escribe un email válido.",
  },
  notification: {
    comment_added: "{{contactName}} ({{customerName}}) ha comentado en {{number}}",
    contact_added_by_share:
      "{{sharedBy}} ({{customerName}}) ha compartido {{number}} con {{contactName}}, nuevo contacto",
  },
};
