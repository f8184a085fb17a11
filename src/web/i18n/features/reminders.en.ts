import type { Messages } from "../types.js";
import type { remindersEs } from "./reminders.es.js";

export const remindersEn: Messages<typeof remindersEs> = {
  tab: "Reminders",
  intro:
    "Portico emails the reminders you turn on to the contacts of each open invoice, each one once, in the organisation's time zone. Never to paid, void or disputed invoices, nor to customers who opted out. A day missed is caught up within the next 3 days.",
  kinds: {
    before_due: "Before the due date",
    on_due: "On the due date",
    after_due: "After the due date",
  },
  enabled: "Send this reminder",
  daysBefore: "Days before the due date",
  daysAfter: "Days after the due date",
  languages: { es: "Spanish", en: "English" },
  subject: "Subject",
  body: "Text",
  variables: "Variables you can use:",
  filters: "Amounts and dates with filters:",
  buttonHint: "The button variable marks where the portal button goes.",
};
