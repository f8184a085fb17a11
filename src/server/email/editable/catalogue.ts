import type { EmailKind, Vars } from "../templates.js";

/** One variable an editable template may use: shown to staff in the editor, and a sample for the preview. */
export interface TemplateVariable {
  name: string;
  description: { es: string; en: string };
  sample: string | number | boolean | null;
}

export interface EditableKind {
  /** The built-in template it overrides (the default), in `email/templates.ts`. */
  kind: EmailKind;
  /** The variables the sender passes; saving checks the text against these and nothing else. */
  variables: TemplateVariable[];
  /**
   * The `{{ button }}` (the personal link) must stay in the body: without it the email is useless
   * (an invitation nobody can accept).
   */
  buttonRequired: boolean;
}

const v = (name: string, es: string, en: string, sample: TemplateVariable["sample"]): TemplateVariable => ({
  name,
  description: { es, en },
  sample,
});

const orgName = v("org_name", "Nombre de tu organización", "Your organisation's name", "Estudio Norte");
const contactName = v("contact_name", "Nombre del contacto", "The contact's name", "Laura Gómez");
const button = v(
  "button",
  "El botón con el enlace personal (en el texto: el enlace)",
  "The button with the personal link (in the text part: the link)",
  "",
);
const hasLink = v(
  "has_link",
  "Verdadero si el email lleva enlace al portal",
  "True when the email has a portal link",
  true,
);
const hasAttachment = v(
  "has_attachment",
  "Verdadero si lleva el PDF adjunto",
  "True when the PDF is attached",
  false,
);
const currency = v(
  "currency",
  "Moneda (código ISO, para el filtro money)",
  "Currency (ISO code, for the money filter)",
  "EUR",
);
/** What every appointment email's sender passes (modules/appointments/appointment-email.ts). */
const appointmentVars = [
  orgName,
  contactName,
  hasLink,
  button,
  v(
    "when",
    "Fecha y hora, en la zona del contacto",
    "Date and time, in the contact's zone",
    "martes, 8 de diciembre de 2026, 10:00",
  ),
  v("zone", "Zona horaria mostrada", "The time zone shown", "Europe/Madrid"),
  v("minutes", "Duración en minutos", "Length in minutes", 30),
  v("note", "La nota del contacto", "The contact's note", "Revisar el presupuesto"),
];
const documentCommon = [orgName, contactName, hasLink, hasAttachment, button, currency];

/**
 * The emails staff may rewrite (C7, issue 16 §5), one entry per kind: adding an editable kind is one entry
 * here (its built-in template and the variables its sender passes). Payment reminders are not here: their
 * texts are written in Settings › Reminders (decision 038) and the templates page links there (decision 046).
 */
export const EDITABLE_EMAILS = [
  {
    kind: "invitation",
    buttonRequired: true,
    variables: [
      orgName,
      contactName,
      v(
        "portal_url",
        "Dirección del portal",
        "The portal's address",
        "https://portico.example/p/estudio-norte/",
      ),
      v("user_name", "Usuario con el que entra el contacto", "The contact's user name", "laura@example.com"),
      button,
    ],
  },
  {
    kind: "invoice_sent",
    buttonRequired: false,
    variables: [
      ...documentCommon,
      v("kind", "Tipo: invoice, retainer o credit_note", "Kind: invoice, retainer or credit_note", "invoice"),
      v("number", "Número de la factura", "The invoice number", "F2026-0001"),
      v(
        "total_minor",
        "Total en céntimos (usa | money: currency)",
        "Total in minor units (use | money: currency)",
        12_100,
      ),
      v("due_date", "Vencimiento (usa | date_long)", "Due date (use | date_long)", "2026-01-31"),
    ],
  },
  {
    kind: "quote_sent",
    buttonRequired: false,
    variables: [
      ...documentCommon,
      v("number", "Número del presupuesto", "The quote number", "P2026-0001"),
      v(
        "total_minor",
        "Total en céntimos (usa | money: currency)",
        "Total in minor units (use | money: currency)",
        12_100,
      ),
      v("expiry_date", "Válido hasta (usa | date_long)", "Valid until (use | date_long)", "2026-02-28"),
    ],
  },
  {
    kind: "sales_order_sent",
    buttonRequired: false,
    variables: [
      ...documentCommon,
      v("number", "Número del pedido", "The sales order number", "PV2026-0001"),
      v(
        "total_minor",
        "Total en céntimos (usa | money: currency)",
        "Total in minor units (use | money: currency)",
        12_100,
      ),
      v("reference", "Referencia del cliente", "The customer's reference", "PO-778"),
      v(
        "delivery_date",
        "Entrega prevista (usa | date_long)",
        "Expected delivery (use | date_long)",
        "2026-02-15",
      ),
    ],
  },
  {
    kind: "payment_receipt",
    buttonRequired: false,
    variables: [
      orgName,
      contactName,
      button,
      currency,
      v("number", "Números de las facturas pagadas", "The numbers of the invoices paid", "F2026-0001"),
      v(
        "amount_minor",
        "Importe pagado en céntimos (usa | money: currency)",
        "Amount paid in minor units (use | money: currency)",
        12_100,
      ),
      v("due_minor", "Importe pendiente en céntimos", "Amount still due in minor units", 0),
      v("receipt_number", "Número del recibo", "The receipt number", "R2026-0001"),
      v("reference", "Referencia del pago", "The payment reference", "pi_3QxYz"),
    ],
  },
  {
    kind: "password_reset",
    buttonRequired: true,
    variables: [orgName, contactName, button],
  },
  {
    // E13 (decision 045): each carries the .ics; the text is the staff's to write.
    kind: "appointment_booked",
    buttonRequired: false,
    variables: appointmentVars,
  },
  {
    kind: "appointment_rescheduled",
    buttonRequired: false,
    variables: [
      ...appointmentVars,
      v(
        "previous",
        "Fecha y hora anteriores",
        "The previous date and time",
        "lunes, 7 de diciembre de 2026, 9:30",
      ),
    ],
  },
  {
    kind: "appointment_cancelled",
    buttonRequired: false,
    variables: [
      ...appointmentVars,
      v("reason", "Motivo de la cancelación (puede estar vacío)", "Why it was cancelled (may be empty)", ""),
      v("by_staff", "Verdadero si la canceló tu equipo", "True when your team cancelled it", false),
    ],
  },
  {
    // E10 (decision 043): staff wrote in a thread; without the portal it asks to reply by email.
    kind: "message_reply",
    buttonRequired: false,
    variables: [
      orgName,
      contactName,
      hasLink,
      button,
      v("author_name", "Quién escribió el mensaje", "Who wrote the message", "Marta Ruiz"),
      v("subject", "Asunto de la conversación", "The conversation's subject", "Cambio de fechas"),
      v(
        "excerpt",
        "El principio del mensaje (hasta 500 caracteres)",
        "The start of the message (up to 500 characters)",
        "Podemos mover la entrega al lunes.",
      ),
    ],
  },
] as const satisfies readonly EditableKind[];

export type EditableEmailKind = (typeof EDITABLE_EMAILS)[number]["kind"];
export const EDITABLE_EMAIL_KINDS = EDITABLE_EMAILS.map((e) => e.kind) as [
  EditableEmailKind,
  ...EditableEmailKind[],
];

export function editableKind(kind: string): EditableKind | undefined {
  return (EDITABLE_EMAILS as readonly EditableKind[]).find((e) => e.kind === kind);
}

/** Sample values of every variable of a kind: what a template is checked and previewed with. */
export function sampleVars(entry: EditableKind): Vars {
  return Object.fromEntries(entry.variables.map((x) => [x.name, x.sample]));
}
