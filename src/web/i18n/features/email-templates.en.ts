import type { Messages } from "../types.js";
import type { emailTemplatesEs } from "./email-templates.es.js";

/** Settings › Email templates (issue 16 §5, decision 046), under `emailTemplates`. */
export const emailTemplatesEn: Messages<typeof emailTemplatesEs> = {
  tab: "Email templates",
  intro:
    "Change the subject and text of the emails Portico sends to your customers, in each language. A template you do not change is Portico's own.",
  kinds: {
    invitation: "Portal invitation",
    invoice_sent: "Invoice sent (retainers and credit notes too)",
    quote_sent: "Quote sent",
    sales_order_sent: "Sales order sent",
    payment_receipt: "Payment receipt",
    password_reset: "Portal password reset",
    appointment_booked: "Appointment booked",
    appointment_rescheduled: "Appointment moved",
    appointment_cancelled: "Appointment cancelled",
    message_reply: "Message from your team to the customer",
    payment_reminder: "Payment reminders",
  },
  columns: { kind: "Email", es: "Spanish", en: "English", actions: "Actions" },
  state: { default: "Default", customised: "Customised" },
  editIn: { es: "Edit in Spanish", en: "Edit in English" },
  remindersElsewhere: "Written in Settings › Reminders",
  openReminders: "Open reminders",
  back: "Back to the templates",
  language: "Language",
  languages: { es: "Spanish", en: "English" },
  subject: "Subject",
  body: "Text",
  bodyHelp:
    "Plain text: blank lines separate paragraphs. Amounts with {{example_money}} and dates with {{example_date}}.",
  variables: "Variables",
  variablesHelp: "Click a variable to insert it at the cursor.",
  preview: "Preview",
  previewHelp: "With sample data; it updates as you type.",
  previewLoading: "Updating the preview…",
  previewFrame: "Email preview",
  previewSubject: "Subject:",
  save: "Save",
  saved: "Template saved",
  sendTest: "Send me a test",
  testSent: "Test sent to {{to}}",
  restore: "Restore default",
  restoreTitle: "Restore the default template?",
  restoreText:
    "Your {{language}} version of this email is deleted and Portico's own is used again. This cannot be undone.",
  restoreConfirm: "Restore",
  restored: "Default template restored",
  cancel: "Cancel",
  customisedBadge: "Customised",
  defaultBadge: "Default",
};
