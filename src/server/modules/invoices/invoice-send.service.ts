import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { formatMoney } from "../../../shared/money/index.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { contacts, invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { renderEmail } from "../../email/templates.js";
import { AppError } from "../../http/errors.js";
import { loadCustomer } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { createDocumentLink } from "../portal/document-links.service.js";
import { buildInvoicePdf, invoicePdfFilename } from "./invoice-pdf.js";
import { findDetail, findInvoice } from "./invoices.queries.js";
import { issueInTx, orgToday } from "./invoices.service.js";

const localeOf = (lang: string) => (lang === "es" ? "es-ES" : "en-GB");

/**
 * Sends an invoice to the customer's contacts by the organisation's delivery mode (C3): the PDF attached,
 * a personal portal link (D6), or both. A draft is issued first, in the same transaction. With the portal
 * turned off there is no link to give, so the PDF is attached whatever the mode.
 */
export async function sendInvoice(
  deps: { db: Db; config: Config; mailer: Mailer },
  orgId: string,
  invoiceId: string,
  contactIds: string[] | undefined,
) {
  const result = await withOrg(deps.db, orgId, async (tx) => {
    let invoice = await findInvoice(tx, invoiceId);
    if (invoice.status === "void") throw new AppError("INVOICE_VOID");
    if (invoice.status === "draft") invoice = await issueInTx(tx, orgId, invoiceId);
    const org = await loadOrganisation(tx, orgId);
    const customer = await loadCustomer(tx, invoice.customerId);
    const recipients = await tx
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.customerId, customer.id),
          isNull(contacts.deletedAt),
          isNotNull(contacts.email),
          contactIds ? inArray(contacts.id, contactIds) : eq(contacts.portalEnabled, true),
        ),
      );
    if (recipients.length === 0 || (contactIds && recipients.length !== new Set(contactIds).size)) {
      throw new AppError("CUSTOMER_HAS_NO_CONTACT_EMAIL");
    }
    const mode = org.portalEnabled ? org.deliveryMode : "pdf";
    const detail = await findDetail(tx, invoice, await orgToday(tx, orgId));
    const pdfs = new Map<"es" | "en", Buffer>();
    for (const contact of recipients) {
      const lang = (contact.language ?? customer.language ?? org.language) === "es" ? "es" : "en";
      const withLink = mode !== "pdf" && contact.portalEnabled;
      const withPdf = mode !== "link" || !withLink;
      const link = withLink
        ? await createDocumentLink(tx, deps.config, {
            orgId,
            customerId: customer.id,
            contactId: contact.id,
            documentId: invoice.id,
            slug: org.portalSlug,
          })
        : null;
      let pdf = pdfs.get(lang);
      if (withPdf && !pdf) {
        pdf = await buildInvoicePdf(tx, orgId, detail, lang);
        pdfs.set(lang, pdf);
      }
      const email = await renderEmail(
        "invoice_sent",
        lang,
        {
          org_name: org.name,
          contact_name: contact.name,
          number: invoice.number,
          total: formatMoney(invoice.totalMinor, invoice.currency, localeOf(lang)),
          due_date: invoice.dueDate,
          has_link: link !== null,
          has_attachment: withPdf,
        },
        { buttonUrl: link, brandColor: org.brandColor },
      );
      await deps.mailer.enqueue(tx, {
        orgId,
        kind: "invoice_sent",
        to: contact.email as string,
        toName: contact.name,
        fromName: org.name,
        replyTo: org.email,
        ...email,
        attachments:
          withPdf && pdf
            ? [{ filename: invoicePdfFilename(detail), contentType: "application/pdf", content: pdf }]
            : [],
      });
    }
    const now = new Date();
    await tx
      .update(invoices)
      .set({
        sentAt: now,
        updatedAt: now,
        ...(invoice.status === "issued" ? { status: "sent" as const } : {}),
      })
      .where(eq(invoices.id, invoice.id));
    return {
      recipients: recipients.map((c) => ({ contactId: c.id, email: c.email as string })),
      deliveryMode: mode,
    };
  });
  void deps.mailer.deliverQueued();
  return result;
}
