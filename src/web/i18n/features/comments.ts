import type { Messages } from "../types.js";

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

export const commentsEn: Messages<typeof commentsEs> = {
  title: "Comments",
  empty: "No comments yet.",
  label: "Comment",
  showInPortal: "Show in portal",
  showInPortalHint: "The customer will see this comment in their portal.",
  shownInPortal: "Shown in portal",
  internal: "Internal",
  submit: "Add comment",
  required: "Write a comment.",
  tooLong: "At most 5000 characters.",
  you: "You",
  fromCustomer: "Customer",
  previewReadOnly: "Comments cannot be added in a preview.",
  share: {
    button: "Share",
    title: "Share with someone else",
    intro:
      "We will email them a link to this document. They will become a contact of your company in the portal.",
    name: "Name",
    email: "Email",
    submit: "Send",
    cancel: "Cancel",
    done: "We sent the document to {{email}}.",
    invalidEmail: "Enter a valid email address.",
  },
  notification: {
    comment_added: "{{contactName}} ({{customerName}}) commented on {{number}}",
    contact_added_by_share:
      "{{sharedBy}} ({{customerName}}) shared {{number}} with {{contactName}}, a new contact",
  },
};
