import { Liquid } from "liquidjs";

export type EmailKind = "invoice_sent" | "payment_receipt" | "quote_sent";
type Lang = "es" | "en";

interface Template {
  subject: string;
  /** Paragraphs in Liquid; `{{ button }}` marks where the call-to-action goes. */
  body: string;
  button?: string;
}

/**
 * Editable by staff later (C7), so they are Liquid, which cannot run code. The HTML engine escapes every
 * output (`outputEscape: "escape"`): a customer named `<script>` stays text in the email.
 */
const templates: Record<EmailKind, Record<Lang, Template>> = {
  invoice_sent: {
    es: {
      subject: "Factura {{ number }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

{{ org_name }} te ha enviado la factura {{ number }} por {{ total }}{% if due_date %}, con vencimiento el {{ due_date }}{% endif %}.

{% if has_link %}Puedes verla, descargarla y pagarla en tu portal:

{{ button }}
{% endif %}{% if has_attachment %}Adjuntamos la factura en PDF.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver factura",
    },
    en: {
      subject: "Invoice {{ number }} from {{ org_name }}",
      body: `Hello {{ contact_name }},

{{ org_name }} has sent you invoice {{ number }} for {{ total }}{% if due_date %}, due on {{ due_date }}{% endif %}.

{% if has_link %}You can view, download and pay it in your portal:

{{ button }}
{% endif %}{% if has_attachment %}The invoice is attached as a PDF.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "View invoice",
    },
  },
  quote_sent: {
    es: {
      subject: "Presupuesto {{ number }} de {{ org_name }}",
      body: `Hola {{ contact_name }}:

{{ org_name }} te ha enviado el presupuesto {{ number }} por {{ total }}{% if expiry_date %}, válido hasta el {{ expiry_date }}{% endif %}.

{% if has_link %}Puedes verlo, descargarlo y aceptarlo o rechazarlo en tu portal:

{{ button }}
{% endif %}{% if has_attachment %}Adjuntamos el presupuesto en PDF.
{% endif %}
Gracias,
{{ org_name }}`,
      button: "Ver presupuesto",
    },
    en: {
      subject: "Quote {{ number }} from {{ org_name }}",
      body: `Hello {{ contact_name }},

{{ org_name }} has sent you quote {{ number }} for {{ total }}{% if expiry_date %}, valid until {{ expiry_date }}{% endif %}.

{% if has_link %}You can view, download and accept or decline it in your portal:

{{ button }}
{% endif %}{% if has_attachment %}The quote is attached as a PDF.
{% endif %}
Thank you,
{{ org_name }}`,
      button: "View quote",
    },
  },
  payment_receipt: {
    es: {
      subject: "Recibo de tu pago de {{ amount }} a {{ org_name }}",
      body: `Hola {{ contact_name }}:

Hemos recibido tu pago de {{ amount }} para la factura {{ number }}. Importe pendiente: {{ due }}.

Referencia del pago: {{ reference }}

{{ button }}

Gracias,
{{ org_name }}`,
      button: "Ver factura",
    },
    en: {
      subject: "Receipt for your payment of {{ amount }} to {{ org_name }}",
      body: `Hello {{ contact_name }},

We have received your payment of {{ amount }} for invoice {{ number }}. Amount still due: {{ due }}.

Payment reference: {{ reference }}

{{ button }}

Thank you,
{{ org_name }}`,
      button: "View invoice",
    },
  },
};

const textEngine = new Liquid({ strictVariables: false });
const htmlEngine = new Liquid({ outputEscape: "escape", strictVariables: false });

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export async function renderEmail(
  kind: EmailKind,
  lang: Lang,
  vars: Record<string, string | number | boolean | null>,
  opts: { buttonUrl?: string | null; brandColor?: string } = {},
): Promise<RenderedEmail> {
  const t = templates[kind][lang];
  const subject = (await textEngine.parseAndRender(t.subject, vars)).replace(/[\r\n]+/g, " ").trim();
  const buttonText = opts.buttonUrl && t.button ? `${t.button}: ${opts.buttonUrl}` : "";
  const text = (await textEngine.parseAndRender(t.body, { ...vars, button: buttonText }))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const marker = "\u0000BUTTON\u0000";
  const htmlBody: string = await htmlEngine.parseAndRender(t.body, { ...vars, button: marker });
  const color = /^#[0-9a-f]{6}$/i.test(opts.brandColor ?? "") ? opts.brandColor : "#1c7ed6";
  const button =
    opts.buttonUrl && t.button
      ? `<a href="${escapeHtml(opts.buttonUrl)}" style="display:inline-block;padding:12px 20px;background:${color};color:#fff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(t.button)}</a>`
      : "";
  const paragraphs = htmlBody
    .split(/\n{2,}/)
    .map((p: string) => p.trim())
    .filter(Boolean)
    .map((p: string) =>
      p === marker ? `<p>${button}</p>` : `<p>${p.replaceAll(marker, button).replace(/\n/g, "<br>")}</p>`,
    )
    .join("\n");
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2933;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
${paragraphs}
</div></body></html>`;
  return { subject, text, html };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
