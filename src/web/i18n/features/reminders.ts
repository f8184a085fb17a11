import type { Messages } from "../types.js";

/** Settings › Reminders (issue 15 §3, decision 038), under `reminders`. */
export const remindersEs = {
  tab: "Recordatorios",
  intro:
    "Portico envía por email a los contactos de cada factura pendiente los recordatorios que actives, una sola vez cada uno, en la zona horaria de la organización. Nunca a facturas pagadas, anuladas o con un pago en disputa, ni a clientes que no quieren recordatorios. Si un día no se envía, se recupera en los 3 días siguientes.",
  kinds: {
    before_due: "Antes del vencimiento",
    on_due: "El día del vencimiento",
    after_due: "Después del vencimiento",
  },
  enabled: "Enviar este recordatorio",
  daysBefore: "Días antes del vencimiento",
  daysAfter: "Días después del vencimiento",
  languages: { es: "Español", en: "Inglés" },
  subject: "Asunto",
  body: "Texto",
  variables: "Variables disponibles:",
  filters: "Importes y fechas con filtros:",
  buttonHint: "La variable button marca dónde va el botón del portal.",
};

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
