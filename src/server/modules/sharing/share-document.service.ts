import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { ShareDocumentResult } from "../../../shared/contracts/index.js";
import { preferredLanguage } from "../../../shared/language.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, customers, documentShares } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { renderEmail } from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { createDocumentLink, type LinkedDocumentType } from "../documents/document-links.service.js";
import { findPortalDocument } from "../documents/document-registry.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { assertPortalAllows, portalOptionsOf } from "../organisation/portal-policy.js";

/** Shares one contact may make per rolling hour: enough for a team, too few to spam from the portal. */
export const SHARES_PER_HOUR = 20;
/**
 * A share emails any address in the organisation's name: per rolling day a customer (all its contacts)
 * may share this many, and the organisation's customers together this many, whoever shares.
 */
export const SHARES_PER_CUSTOMER_PER_DAY = 20;
export const SHARES_PER_ORG_PER_DAY = 100;

const LABELS: Record<LinkedDocumentType, { es: string; en: string }> = {
  quote: { es: "el presupuesto", en: "quote" },
  invoice: { es: "la factura", en: "invoice" },
  sales_order: { es: "el pedido de venta", en: "sales order" },
};

/**
 * The limits, checked and then written one share of the organisation at a time (a transaction lock), so
 * concurrent requests cannot all pass them. Rolling windows on the server clock.
 */
async function assertShareAllowed(tx: Tx, p: ContactPrincipal): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`document_shares:${p.orgId}`}, 0))`);
  const hourAgo = new Date(clock.nowMs() - 3600_000);
  const dayAgo = new Date(clock.nowMs() - 86_400_000);
  const [mine] = await tx
    .select({
      contact: sql<number>`(count(*) filter (where ${documentShares.sharedByContactId} = ${p.contactId}
        and ${documentShares.createdAt} > ${hourAgo.toISOString()}::timestamptz))::int`,
      customer: sql<number>`count(*)::int`,
    })
    .from(documentShares)
    .where(and(eq(documentShares.customerId, p.customerId), gt(documentShares.createdAt, dayAgo)));
  if ((mine?.contact ?? 0) >= SHARES_PER_HOUR) throw new AppError("RATE_LIMITED");
  if ((mine?.customer ?? 0) >= SHARES_PER_CUSTOMER_PER_DAY) throw new AppError("SHARE_LIMIT_REACHED");
  // The contact's scope sees only its customer's shares; this function counts the organisation's.
  const org = await tx.execute(
    sql`select org_document_shares_since(${dayAgo.toISOString()}::timestamptz) as n`,
  );
  if (Number((org.rows[0] as { n: number } | undefined)?.n ?? 0) >= SHARES_PER_ORG_PER_DAY)
    throw new AppError("SHARE_LIMIT_REACHED");
}

/**
 * E14: a contact forwards a document to another person, who becomes a contact of the same customer
 * (or an existing contact with that email is reused) and gets a personal link to it. Staff are told
 * when a contact was added, and can disable or remove it like any other. Counted in `document_shares`
 * (the database, so the limit holds across app instances).
 */
export async function shareDocument(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  type: LinkedDocumentType,
  documentId: string,
  input: { name: string; email: string },
  origin: AuditOrigin,
): Promise<ShareDocumentResult> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    // Sales orders exist in the portal only while the organisation shows them (C4).
    if (type === "sales_order")
      assertPortalAllows(portalOptionsOf(await loadOrganisation(tx, p.orgId)), "showSalesOrders");
    const doc = await findPortalDocument(tx, type, documentId);
    if (!doc) throw new AppError("NOT_FOUND");
    await assertShareAllowed(tx, p);
    const org = await loadOrganisation(tx, p.orgId);
    const [sharer] = await tx
      .select({ name: contacts.name, language: contacts.language, customerName: customers.name })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(eq(contacts.id, p.contactId));
    if (!sharer) throw new AppError("UNAUTHENTICATED");
    const [existing] = await tx
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.customerId, p.customerId),
          isNull(contacts.deletedAt),
          sql`lower(${contacts.email}) = ${input.email.toLowerCase()}`,
        ),
      )
      .limit(1);
    const recipient =
      existing ??
      (
        await tx
          .insert(contacts)
          .values({
            orgId: p.orgId,
            customerId: p.customerId,
            name: input.name,
            email: input.email,
            language: sharer.language,
            isPrimary: false,
            portalEnabled: true,
          })
          .returning()
      )[0];
    if (!recipient) throw new AppError("INTERNAL");

    // A contact whose access staff disabled (D4) is told of the share but gets no working link.
    const link =
      org.portalEnabled && recipient.portalEnabled
        ? await createDocumentLink(tx, mail.config, {
            orgId: p.orgId,
            customerId: p.customerId,
            contactId: recipient.id,
            documentType: type,
            documentId,
            slug: org.portalSlug,
          })
        : null;
    const lang = preferredLanguage(recipient.language, org.language);
    const email = await renderEmail(
      "document_shared",
      lang,
      {
        org_name: org.name,
        contact_name: recipient.name,
        sharer_name: sharer.name,
        document_label: `${LABELS[type][lang]} ${doc.number ?? ""}`.trim(),
        has_link: link !== null,
      },
      { buttonUrl: link, brandColor: org.brandColor },
    );
    await mail.mailer.enqueue(tx, {
      orgId: p.orgId,
      kind: "document_shared",
      to: input.email,
      toName: recipient.name,
      fromName: org.name,
      replyTo: org.email,
      ...email,
    });
    await tx.insert(documentShares).values({
      orgId: p.orgId,
      customerId: p.customerId,
      documentType: type,
      documentId,
      sharedByContactId: p.contactId,
      contactId: recipient.id,
      // The limits compare with the server clock: the row's time is that clock's too.
      createdAt: clock.now(),
    });
    if (!existing) {
      await notify(tx, mail, p.orgId, "contact_added_by_share", {
        customerId: p.customerId,
        customerName: sharer.customerName,
        contactId: recipient.id,
        contactName: recipient.name,
        sharedBy: sharer.name,
        documentType: type,
        documentId,
        number: doc.number,
      });
    }
    await recordContactEvent(
      tx,
      p,
      {
        action: "document_shared",
        documentType: type,
        documentId,
        details: { recipientContactId: recipient.id, reusedContact: existing !== undefined },
      },
      origin,
    );
    return { ok: true as const, reusedContact: existing !== undefined };
  });
  void mail.mailer.deliverQueued();
  return result;
}
