import { and, eq, inArray, isNull } from "drizzle-orm";
import type { NotificationEvent } from "../../../shared/contracts/index.js";
import { preferredLanguage } from "../../../shared/language.js";
import type { Config } from "../../config.js";
import type { Tx } from "../../db/client.js";
import { memberships, organisations, users } from "../../db/schema/index.js";
import type { Mailer } from "../../email/mailer.js";
import { escapeHtml, type RenderedEmail, renderEmail } from "../../email/templates.js";
import { notificationPrefsOf } from "../organisation/portal-policy.js";
import { signUnsubscribe } from "./unsubscribe-token.js";

/** What queuing a staff email needs; services that notify get it from their route's deps. */
export interface StaffMail {
  mailer: Mailer;
  config: Config;
}

const EMAILED: Record<string, NotificationEvent | undefined> = {
  invoice_viewed: "invoice_viewed",
  payment_received: "payment_received",
  customer_details_updated: "customer_details_updated",
  quote_viewed: "quote_viewed",
  quote_accepted: "quote_accepted",
  quote_declined: "quote_declined",
  comment_added: "comment_added",
  sales_order_viewed: "sales_order_viewed",
  payment_failed: "payment_failed",
  payment_disputed: "payment_disputed",
  payment_mismatch: "payment_mismatch",
  payment_unapplied: "payment_unapplied",
  refund_failed: "refund_failed",
  refund_unconfirmed: "refund_unconfirmed",
  timesheet_approved: "timesheet_approved",
  timesheet_rejected: "timesheet_rejected",
  appointment_booked: "appointment_booked",
  appointment_cancelled: "appointment_cancelled",
  message_received: "message_received",
  review_written: "review_written",
};

/**
 * Queues the C5 email for one event when the organisation wants it. Recipient: the organisation's own
 * email address (its shared inbox, the one customers see); when it has none, every owner and admin —
 * plain staff members manage documents, not the account, and would otherwise get every notice.
 */
export async function queueStaffEmail(
  tx: Tx,
  { mailer, config }: StaffMail,
  orgId: string,
  type: string,
  data: Record<string, string | number | null>,
): Promise<void> {
  const event = EMAILED[type];
  if (!event) return;
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org || !notificationPrefsOf(org)[event]) return;
  const to: Recipient[] = org.email
    ? [{ address: org.email, userId: null }]
    : (await managers(tx, orgId)).filter((m) => !m.muted.includes(event));
  if (to.length === 0) return;
  const lang = preferredLanguage(org.language);
  const path =
    event === "customer_details_updated" || event === "review_written"
      ? `customers/${data.customerId}`
      : event === "comment_added"
        ? `${COMMENT_PATHS[String(data.documentType)] ?? "invoices"}/${data.documentId}`
        : event === "message_received"
          ? `messages/${data.threadId}`
          : event.startsWith("timesheet_")
            ? `timesheets/${data.timesheetId}`
            : event.startsWith("quote_")
              ? `quotes/${data.quoteId}`
              : event.startsWith("sales_order_")
                ? `sales-orders/${data.salesOrderId}`
                : data.paymentId
                  ? `payments/${data.paymentId}`
                  : `invoices/${data.invoiceId}`;
  // Issue 16 §3: an appointment's event opens the bookings page on it.
  const target = event.startsWith("appointment_") ? `appointments/${data.appointmentId}` : path;
  // Every value is untrusted text from a contact or customer; the template's HTML output escapes it.
  const email = await renderEmail(
    "staff_notification",
    lang,
    {
      event,
      org_name: org.name,
      number: data.number ?? "",
      customer_name: data.customerName ?? "",
      contact_name: data.contactName ?? "",
      fields: fieldLabels(String(data.fields ?? ""), lang),
      amount_minor: typeof data.amountMinor === "number" ? data.amountMinor : null,
      currency: typeof data.currency === "string" ? data.currency : null,
      excerpt: data.excerpt ?? "",
      document_kind: documentKind(String(data.documentType ?? ""), lang),
      // Issue 13's payment events: what the provider stated or answered (a CP or provider code, a reason).
      expected_minor: typeof data.expectedMinor === "number" ? data.expectedMinor : null,
      expected_currency: typeof data.expectedCurrency === "string" ? data.expectedCurrency : null,
      reference: data.reference ?? "",
      code: data.code ?? "",
      // A provider's meaning of a refusal comes in both languages (reasonEs, reasonEn); a dispute's is one.
      reason: (lang === "es" ? data.reasonEs : data.reasonEn) ?? data.reason ?? "",
      rating: typeof data.rating === "number" ? data.rating : null,
      edited: data.edited === 1,
    },
    { buttonUrl: `${config.publicUrl}/app/${target}`, brandColor: org.brandColor },
  );
  for (const { address, userId } of to) {
    const token = signUnsubscribe(config.appSecret, {
      orgId,
      userId,
      event,
      version: org.unsubscribeVersion,
    });
    await mailer.enqueue(tx, {
      orgId,
      kind: "staff_notification",
      to: address,
      ...withUnsubscribeLink(email, `${config.publicUrl}/app/unsubscribe?token=${token}`, lang),
      // RFC 8058: a mail client's one-click unsubscribe POSTs here; it turns off exactly this event.
      headers: {
        "List-Unsubscribe": `<${config.publicUrl}/api/unsubscribe?token=${token}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
  }
}

interface Recipient {
  address: string;
  /** The member the email goes to; null for the organisation's own inbox. */
  userId: string | null;
}

const UNSUBSCRIBE_TEXT = {
  es: "No recibir más este aviso por email",
  en: "Stop getting this notice by email",
};

/** The footer line of every staff notification: its own unsubscribe link, in text and HTML. */
function withUnsubscribeLink(email: RenderedEmail, url: string, lang: "es" | "en"): RenderedEmail {
  const label = UNSUBSCRIBE_TEXT[lang];
  const link = `<p style="font-size:12px;color:#52606d"><a href="${escapeHtml(url)}" style="color:#52606d">${escapeHtml(label)}</a></p>`;
  return {
    subject: email.subject,
    text: `${email.text}\n\n${label}: ${url}`,
    html: email.html.replace("\n</div></body></html>", `\n${link}\n</div></body></html>`),
  };
}

/** The back-office path segment of each commentable document type. */
const COMMENT_PATHS: Record<string, string> = {
  quote: "quotes",
  invoice: "invoices",
  sales_order: "sales-orders",
  timesheet: "timesheets",
};

const FIELD_LABELS: Record<string, { es: string; en: string }> = {
  "customer.legalName": { es: "razón social", en: "legal name" },
  "customer.taxId": { es: "NIF", en: "tax ID" },
  "customer.email": { es: "email de facturación", en: "billing email" },
  "customer.phone": { es: "teléfono de la cuenta", en: "account phone" },
  "customer.addressLine1": { es: "dirección", en: "address" },
  "customer.addressLine2": { es: "dirección (línea 2)", en: "address (line 2)" },
  "customer.city": { es: "ciudad", en: "city" },
  "customer.postalCode": { es: "código postal", en: "postal code" },
  "customer.region": { es: "provincia", en: "region" },
  "customer.country": { es: "país", en: "country" },
  "contact.name": { es: "nombre del contacto", en: "contact name" },
  "contact.phone": { es: "teléfono del contacto", en: "contact phone" },
  "contact.language": { es: "idioma del contacto", en: "contact language" },
};

/** "customer.taxId, contact.name" → "tax ID, contact name": the notification stores keys, email shows words. */
function fieldLabels(fields: string, lang: "es" | "en"): string {
  return fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => FIELD_LABELS[f]?.[lang] ?? f)
    .join(", ");
}

const DOCUMENT_KINDS: Record<string, { es: string; en: string }> = {
  quote: { es: "el presupuesto", en: "quote" },
  invoice: { es: "la factura", en: "invoice" },
  sales_order: { es: "el pedido", en: "sales order" },
  timesheet: { es: "el parte de horas", en: "timesheet" },
};

function documentKind(type: string, lang: "es" | "en"): string {
  return DOCUMENT_KINDS[type]?.[lang] ?? "";
}

/**
 * The owners and admins who get the emails when the organisation has no address of its own, with the
 * events each muted (decision 044); a disabled member gets none. Also readable from a contact's scope
 * (owners and admins only; see migration 0007's policies).
 */
async function managers(tx: Tx, orgId: string): Promise<(Recipient & { muted: string[] })[]> {
  const rows = await tx
    .select({ email: users.email, userId: memberships.userId, muted: memberships.mutedNotifications })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.role, ["owner", "admin"]),
        isNull(memberships.disabledAt),
      ),
    );
  return rows.map((r) => ({ address: r.email, userId: r.userId, muted: r.muted }));
}
