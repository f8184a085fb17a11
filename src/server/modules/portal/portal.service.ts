import { and, eq, isNull } from "drizzle-orm";
import type {
  PortalBranding,
  PortalInvoiceDetail,
  PortalInvoiceSummary,
  PortalMe,
} from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { contacts, invoices, organisations } from "../../db/schema/index.js";
import { withContact, withSystem } from "../../db/scope.js";
import { AppError } from "../../http/errors.js";
import { loadCustomer } from "../customers/customers.service.js";
import { buildInvoicePdf, invoicePdfFilename } from "../invoices/invoice-pdf.js";
import { findDetail, findInvoice, findSummaries } from "../invoices/invoices.queries.js";
import { orgToday } from "../invoices/invoices.service.js";
import { notify } from "../notifications/notifications.service.js";
import { logoUrlOf } from "../organisation/organisation.service.js";
import type { ContactPrincipal } from "./contact-sessions.service.js";

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
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId));
    const customer = await loadCustomer(tx, p.customerId);
    const [contact] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, p.contactId), isNull(contacts.deletedAt)));
    if (!org || !contact) throw new AppError("CP1003");
    return {
      preview: p.preview,
      contact: {
        id: contact.id,
        name: contact.name,
        email: contact.email,
        language: contact.language as "es" | "en" | null,
      },
      customer: { id: customer.id, name: customer.name },
      org: { ...brandingOf(org), email: org.email, phone: org.phone, website: org.website },
    };
  });
}

export function listPortalInvoices(
  db: Db,
  p: ContactPrincipal,
  status?: string,
): Promise<PortalInvoiceSummary[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const rows = await findSummaries(
      tx,
      { excludeDrafts: true, status: status as PortalInvoiceSummary["status"] | undefined },
      await orgToday(tx, p.orgId),
    );
    return rows.map(({ customerId: _c, customerName: _n, ...rest }) => rest);
  });
}

const PAYABLE = new Set(["issued", "sent", "viewed", "partially_paid"]);

/**
 * A contact opening an invoice marks it viewed (A5, A13): the first view moves sent → viewed and tells
 * staff. Drafts do not exist for the portal.
 */
export function getPortalInvoice(
  db: Db,
  p: ContactPrincipal,
  invoiceId: string,
): Promise<PortalInvoiceDetail> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    let inv = await findInvoice(tx, invoiceId);
    if (inv.status === "draft") throw new AppError("NOT_FOUND");
    if (!inv.viewedAt && inv.status !== "void") {
      const [updated] = await tx
        .update(invoices)
        .set({
          viewedAt: new Date(),
          ...(inv.status === "issued" || inv.status === "sent" ? { status: "viewed" as const } : {}),
        })
        .where(and(eq(invoices.id, inv.id), isNull(invoices.viewedAt)))
        .returning();
      if (updated) {
        inv = updated;
        const customer = await loadCustomer(tx, p.customerId);
        await notify(tx, p.orgId, "invoice_viewed", {
          invoiceId: inv.id,
          number: inv.number,
          customerName: customer.name,
        });
      }
    }
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId));
    const detail = await findDetail(tx, inv, await orgToday(tx, p.orgId));
    const { customerId: _c, customerName: _n, sentAt: _s, viewedAt: _v, ...rest } = detail;
    return {
      ...rest,
      canPay: PAYABLE.has(inv.status) && detail.dueMinor > 0,
      bankTransfer:
        org?.iban && detail.dueMinor > 0 && inv.status !== "void"
          ? { iban: org.iban, bic: org.bic, beneficiary: org.legalName ?? org.name }
          : null,
    };
  });
}

export function portalInvoicePdf(db: Db, p: ContactPrincipal, invoiceId: string, lang: "es" | "en") {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    if (inv.status === "draft") throw new AppError("NOT_FOUND");
    const detail = await findDetail(tx, inv, await orgToday(tx, p.orgId));
    return { pdf: await buildInvoicePdf(tx, p.orgId, detail, lang), filename: invoicePdfFilename(detail) };
  });
}
