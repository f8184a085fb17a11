import type { Messages } from "../types.js";
import type { commentsEs } from "./comments.es.js";

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
