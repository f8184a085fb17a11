import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { preferredLanguage } from "../../../shared/language.js";
import type { Config } from "../../config.js";
import type { Tx } from "../../db/client.js";
import { contacts } from "../../db/schema/index.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import type { Mailer } from "../../email/mailer.js";
import {
  type EmailKind,
  renderStaffTemplate,
  type StaffTemplateKind,
  type Template,
} from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { loadCustomer } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { createDocumentLink, type LinkedDocumentType } from "./document-links.service.js";

export type Lang = "es" | "en";
export type DeliveryMode = "pdf" | "link" | "both";

export interface DocumentDelivery {
  orgId: string;
  customerId: string;
  documentType: LinkedDocumentType;
  documentId: string;
  /** Defaults to every contact of the customer with an email and portal access. */
  contactIds: string[] | undefined;
  emailKind: EmailKind | StaffTemplateKind;
  /** A template staff wrote (payment reminders), per language, instead of the built-in one of `emailKind`. */
  staffTemplate?: (lang: Lang) => Template;
  /** Template variables per language; org_name, contact_name, has_link and has_attachment are added. */
  emailVars: (lang: Lang) => Record<string, string | number | boolean | null>;
  renderPdf: (lang: Lang) => Promise<Buffer>;
  pdfFilename: string;
}

/**
 * Emails a document to the customer's contacts by the organisation's delivery mode (C3): the PDF
 * attached, a personal portal link (D6), or both, inside the caller's transaction (the emails are
 * outbox rows, delivered after commit). With the portal turned off there is no link to give, so the
 * PDF is attached whatever the mode.
 */
export async function deliverDocument(
  tx: Tx,
  deps: { config: Config; mailer: Mailer },
  d: DocumentDelivery,
): Promise<{ recipients: { contactId: string; email: string }[]; deliveryMode: DeliveryMode }> {
  const org = await loadOrganisation(tx, d.orgId);
  const customer = await loadCustomer(tx, d.customerId);
  const recipients = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.customerId, customer.id),
        isNull(contacts.deletedAt),
        isNotNull(contacts.email),
        d.contactIds ? inArray(contacts.id, d.contactIds) : eq(contacts.portalEnabled, true),
      ),
    );
  if (recipients.length === 0 || (d.contactIds && recipients.length !== new Set(d.contactIds).size)) {
    throw new AppError("CUSTOMER_HAS_NO_CONTACT_EMAIL");
  }
  const mode = org.portalEnabled ? org.deliveryMode : "pdf";
  const pdfs = new Map<Lang, Buffer>();
  for (const contact of recipients) {
    const lang: Lang = preferredLanguage(contact.language, customer.language, org.language);
    const withLink = mode !== "pdf" && contact.portalEnabled;
    const withPdf = mode !== "link" || !withLink;
    const link = withLink
      ? await createDocumentLink(tx, deps.config, {
          orgId: d.orgId,
          customerId: customer.id,
          contactId: contact.id,
          documentType: d.documentType,
          documentId: d.documentId,
          slug: org.portalSlug,
        })
      : null;
    let pdf = pdfs.get(lang);
    if (withPdf && !pdf) {
      pdf = await d.renderPdf(lang);
      pdfs.set(lang, pdf);
    }
    const vars = {
      ...d.emailVars(lang),
      org_name: org.name,
      contact_name: contact.name,
      has_link: link !== null,
      has_attachment: withPdf,
    };
    const look = { buttonUrl: link, brandColor: org.brandColor };
    const email = d.staffTemplate
      ? await renderStaffTemplate(d.staffTemplate(lang), lang, vars, look)
      : await renderOrgEmail(tx, d.orgId, d.emailKind as EmailKind, lang, vars, look);
    await deps.mailer.enqueue(tx, {
      orgId: d.orgId,
      kind: d.emailKind,
      to: contact.email as string,
      toName: contact.name,
      fromName: org.name,
      replyTo: org.email,
      ...email,
      attachments:
        withPdf && pdf ? [{ filename: d.pdfFilename, contentType: "application/pdf", content: pdf }] : [],
    });
  }
  return {
    recipients: recipients.map((c) => ({ contactId: c.id, email: c.email as string })),
    deliveryMode: mode,
  };
}
