import { and, eq, isNull, sql } from "drizzle-orm";
import type { PortalBranding, PortalInvoiceDetail, PortalMe } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { auditEvents, invoices, organisations } from "../../db/schema/index.js";
import { withContact, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { gatewayOf } from "../../gateways/registry.js";
import { publishStatus } from "../../realtime/realtime.js";
import { type AuditAction, type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer, loadCustomerWithContact } from "../customers/customers.service.js";
import { invoiceViewedTransition } from "../documents/document-facts.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { buildInvoicePdf, invoicePdfFilename } from "../invoices/invoice-pdf.js";
import { findDetail, findInvoice, orgToday } from "../invoices/invoices.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { findOrganisation, logoUrlOf } from "../organisation/organisation.service.js";
import {
  bankTransferOf,
  effectiveFeatures,
  portalOptionsOf,
  visibleOrgContact,
} from "../organisation/portal-policy.js";
import { offeredGateways } from "../payments/gateways.js";
import { can } from "./document-policy.js";
import { portalEpcTransfer } from "./transfer-qr.service.js";

type OrgRow = typeof organisations.$inferSelect;
const brandingOf = (org: OrgRow): PortalBranding => ({
  name: org.name,
  brandColor: org.brandColor,
  logoUrl: logoUrlOf(org),
  language: org.language as "es" | "en",
});

export async function getBranding(db: Db, orgId: string): Promise<PortalBranding> {
  return withSystem(db, async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
    if (!org) throw new AppError("NOT_FOUND");
    return brandingOf(org);
  });
}

export async function getLogo(db: Db, slug: string): Promise<{ data: Buffer; mime: string } | null> {
  return withSystem(db, async (tx) => {
    const [org] = await tx
      .select({ logo: organisations.logo, mime: organisations.logoMime })
      .from(organisations)
      .where(eq(organisations.portalSlug, slug));
    return org?.logo && org.mime ? { data: org.logo, mime: org.mime } : null;
  });
}

export function getPortalMe(db: Db, p: ContactPrincipal): Promise<PortalMe> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const org = await findOrganisation(tx, p.orgId);
    const { customer, contact } = await loadCustomerWithContact(tx, p.customerId, p.contactId);
    if (!org || !contact) throw new AppError("CP1003");
    const options = portalOptionsOf(org);
    return {
      preview: p.preview,
      contact: {
        id: contact.id,
        name: contact.name,
        email: contact.email,
        language: contact.language as "es" | "en" | null,
      },
      customer: { id: customer.id, name: customer.name },
      org: { ...brandingOf(org), ...visibleOrgContact(org, options) },
      features: effectiveFeatures(options),
    };
  });
}

/**
 * The invoice, with the contact's view written to the audit trail (G3) by the same statement (decision 048):
 * a data-modifying CTE inserts the `document_viewed` event when the contact's policies let it read the
 * invoice and it is not a draft — the row `recordPortalEvent` would write, with the server's clock — so a
 * view costs one round trip instead of two. A missing, hidden or draft invoice records nothing.
 */
async function findInvoiceRecordingView(
  tx: Tx,
  p: ContactPrincipal,
  invoiceId: string,
  origin: AuditOrigin,
): Promise<typeof invoices.$inferSelect> {
  const viewed = tx.$with("viewed", { id: sql<string>`id` }).as(
    sql`insert into ${auditEvents} (org_id, customer_id, contact_id, action, document_type, document_id,
                                 details, ip, user_agent, created_at)
        select ${p.orgId}::uuid, ${p.customerId}::uuid, ${p.contactId}::uuid, 'document_viewed', 'invoice', i.id,
               '{}'::jsonb, ${origin.ip}, ${origin.userAgent}, ${clock.now().toISOString()}::timestamptz
          from ${invoices} i where i.id = ${invoiceId}::uuid and i.status <> 'draft'`,
  );
  const [row] = await tx.with(viewed).select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * A contact opening an invoice marks it viewed (A5, A13): the first view moves sent → viewed and tells
 * staff; every open is in the audit trail (G3). A staff preview (C6) records nothing. Drafts do not
 * exist for the portal.
 */
export async function getPortalInvoice(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  invoiceId: string,
  origin: AuditOrigin,
): Promise<PortalInvoiceDetail> {
  let notified = false;
  const detail = await withContact(db, p.orgId, p.customerId, async (tx) => {
    let inv = p.preview
      ? await findInvoice(tx, invoiceId)
      : await findInvoiceRecordingView(tx, p, invoiceId, origin);
    if (inv.status === "draft") throw new AppError("NOT_FOUND");
    const viewed = p.preview ? null : invoiceViewedTransition(inv);
    if (viewed) {
      const [updated] = await tx
        .update(invoices)
        .set({ viewedAt: clock.now(), ...viewed })
        .where(and(eq(invoices.id, inv.id), isNull(invoices.viewedAt)))
        .returning();
      if (updated) {
        inv = updated;
        const customer = await loadCustomer(tx, p.customerId);
        await notify(tx, mail, p.orgId, "invoice_viewed", {
          invoiceId: inv.id,
          number: inv.number,
          customerName: customer.name,
        });
        notified = true;
        await publishStatus(tx, {
          orgId: p.orgId,
          customerId: p.customerId,
          documentType: "invoice",
          documentId: inv.id,
          status: inv.status,
        });
      }
    }
    const org = await findOrganisation(tx, p.orgId);
    if (!org) throw new AppError("NOT_FOUND");
    const found = await findDetail(tx, inv, await orgToday(tx, p.orgId));
    const { customerId: _c, customerName: _n, sentAt: _s, viewedAt: _v, ...rest } = found;
    const bank = bankTransferOf(org, portalOptionsOf(org), { dueMinor: found.dueMinor, status: inv.status });
    return {
      ...rest,
      // The checkout asks the same policy, so "Pay" is never shown on what it refuses.
      canPay: can(p, "pay", {
        type: "invoice",
        invoice: inv,
        offeredGateways: offeredGateways(mail.config, org),
      }),
      minimumPaymentMinor: minimumOf(mail.config, offeredGateways(mail.config, org, inv), inv.currency),
      gateways: offeredGateways(mail.config, org, inv).filter(
        (g) => gatewayOf(mail.config, g)?.capabilities.online,
      ),
      bankTransfer: bank ? { ...bank, qrCode: portalEpcTransfer(org, found) !== null } : null,
    };
  });
  if (notified) void mail.mailer.deliverQueued();
  return detail;
}

export function portalInvoicePdf(
  db: Db,
  p: ContactPrincipal,
  invoiceId: string,
  lang: PdfLanguageChoice,
  origin: AuditOrigin,
) {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    if (inv.status === "draft") throw new AppError("NOT_FOUND");
    const detail = await findDetail(tx, inv, await orgToday(tx, p.orgId));
    const pdf = await buildInvoicePdf(tx, p.orgId, detail, await pdfLanguage(tx, p, lang));
    if (!p.preview)
      await recordPortalEvent(
        tx,
        { ...eventOf(p, "document_downloaded"), documentType: "invoice", documentId: inv.id },
        origin,
      );
    return { pdf, filename: invoicePdfFilename(detail) };
  });
}

/** The contact's part of an audit event; the action names what it did. */
export const eventOf = (p: ContactPrincipal, action: AuditAction) => ({
  orgId: p.orgId,
  customerId: p.customerId,
  contactId: p.contactId,
  action,
});

/** The smallest amount the invoice's gateways take (the portal's "pay part" floor); 0.50 with none. */
function minimumOf(config: Config, offered: string[], currency: string): number {
  const minimums = offered.flatMap((g) => {
    const gateway = gatewayOf(config, g);
    return gateway ? [gateway.capabilities.minimumMinor(currency)] : [];
  });
  return minimums.length > 0 ? Math.min(...minimums) : 50;
}
