import { z } from "zod";

/**
 * Payment reminders (issue 15 §3): up to three per organisation, N days before the due date, on it and N
 * days after, each on or off with its email per language. Subject and body are LiquidJS, checked on save
 * by the server (modules/reminders/reminder-templates.ts).
 */
export const REMINDER_KINDS = ["before_due", "on_due", "after_due"] as const;
export const reminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof reminderKind>;

export const reminderTemplate = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(10_000),
});
export type ReminderTemplate = z.infer<typeof reminderTemplate>;

export const reminderRule = z.object({
  enabled: z.boolean(),
  /** Days before (before_due) or after (after_due) the due date; ignored for on_due. */
  days: z.number().int().min(1).max(90),
  templates: z.object({ es: reminderTemplate, en: reminderTemplate }),
});
export type ReminderRule = z.infer<typeof reminderRule>;

export const reminderSettings = z.object({
  before_due: reminderRule,
  on_due: reminderRule,
  after_due: reminderRule,
});
export type ReminderSettings = z.infer<typeof reminderSettings>;

/** The variables every reminder template may use (the settings page lists them). */
export const REMINDER_VARIABLES = [
  "contact_name",
  "org_name",
  "number",
  "total_minor",
  "due_minor",
  "currency",
  "due_date",
  "days",
  "has_link",
  "has_attachment",
  "button",
] as const;

const body = (lines: string[]) => lines.join("\n");

/** What a new organisation starts with: every reminder off, the texts ready to switch on or edit. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  before_due: {
    enabled: false,
    days: 3,
    templates: {
      es: {
        subject: "Recordatorio: la factura {{ number }} vence el {{ due_date | date_long }}",
        body: body([
          "Hola {{ contact_name }}:",
          "",
          "Te recordamos que la factura {{ number }} de {{ org_name }}, con {{ due_minor | money: currency }} pendientes, vence dentro de {{ days }} días, el {{ due_date | date_long }}.",
          "",
          "{% if has_link %}Puedes verla y pagarla en tu portal:",
          "",
          "{{ button }}",
          "{% endif %}{% if has_attachment %}Adjuntamos la factura en PDF.",
          "{% endif %}",
          "Si ya la has pagado, ignora este mensaje.",
          "",
          "Gracias,",
          "{{ org_name }}",
        ]),
      },
      en: {
        subject: "Reminder: invoice {{ number }} is due on {{ due_date | date_long }}",
        body: body([
          "Hello {{ contact_name }},",
          "",
          "A friendly reminder that invoice {{ number }} from {{ org_name }}, with {{ due_minor | money: currency }} outstanding, is due in {{ days }} days, on {{ due_date | date_long }}.",
          "",
          "{% if has_link %}You can view and pay it in your portal:",
          "",
          "{{ button }}",
          "{% endif %}{% if has_attachment %}The invoice is attached as a PDF.",
          "{% endif %}",
          "If you have already paid it, please ignore this message.",
          "",
          "Thank you,",
          "{{ org_name }}",
        ]),
      },
    },
  },
  on_due: {
    enabled: false,
    days: 1,
    templates: {
      es: {
        subject: "La factura {{ number }} vence hoy",
        body: body([
          "Hola {{ contact_name }}:",
          "",
          "La factura {{ number }} de {{ org_name }} vence hoy, {{ due_date | date_long }}. Importe pendiente: {{ due_minor | money: currency }}.",
          "",
          "{% if has_link %}Puedes pagarla en tu portal:",
          "",
          "{{ button }}",
          "{% endif %}{% if has_attachment %}Adjuntamos la factura en PDF.",
          "{% endif %}",
          "Si ya la has pagado, ignora este mensaje.",
          "",
          "Gracias,",
          "{{ org_name }}",
        ]),
      },
      en: {
        subject: "Invoice {{ number }} is due today",
        body: body([
          "Hello {{ contact_name }},",
          "",
          "Invoice {{ number }} from {{ org_name }} is due today, {{ due_date | date_long }}. Amount outstanding: {{ due_minor | money: currency }}.",
          "",
          "{% if has_link %}You can pay it in your portal:",
          "",
          "{{ button }}",
          "{% endif %}{% if has_attachment %}The invoice is attached as a PDF.",
          "{% endif %}",
          "If you have already paid it, please ignore this message.",
          "",
          "Thank you,",
          "{{ org_name }}",
        ]),
      },
    },
  },
  after_due: {
    enabled: false,
    days: 7,
    templates: {
      es: {
        subject: "Factura {{ number }} vencida",
        body: body([
          "Hola {{ contact_name }}:",
          "",
          "La factura {{ number }} de {{ org_name }} venció el {{ due_date | date_long }}, hace {{ days }} días, y tiene {{ due_minor | money: currency }} pendientes.",
          "",
          "{% if has_link %}Puedes pagarla en tu portal:",
          "",
          "{{ button }}",
          "{% endif %}{% if has_attachment %}Adjuntamos la factura en PDF.",
          "{% endif %}",
          "Si ya la has pagado, ignora este mensaje; si hay algún problema, responde a este correo.",
          "",
          "Gracias,",
          "{{ org_name }}",
        ]),
      },
      en: {
        subject: "Invoice {{ number }} is overdue",
        body: body([
          "Hello {{ contact_name }},",
          "",
          "Invoice {{ number }} from {{ org_name }} was due on {{ due_date | date_long }}, {{ days }} days ago, and {{ due_minor | money: currency }} is still outstanding.",
          "",
          "{% if has_link %}You can pay it in your portal:",
          "",
          "{{ button }}",
          "{% endif %}{% if has_attachment %}The invoice is attached as a PDF.",
          "{% endif %}",
          "If you have already paid it, please ignore this message; if something is wrong, reply to this email.",
          "",
          "Thank you,",
          "{{ org_name }}",
        ]),
      },
    },
  },
};
