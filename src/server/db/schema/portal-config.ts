import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, rowId, tenantPrimaryKey } from "./_columns.js";

/**
 * Portal addresses an organisation used before (C2). They stay reserved for it, so an old emailed link
 * is redirected to the new address and can never land in another organisation's portal
 * (docs/decisions/004-portal-slug-changes.md).
 */
export const portalSlugHistory = pgTable(
  "portal_slug_history",
  {
    id: id(),
    orgId: orgId(),
    slug: text("slug").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("portal_slug_history_slug_key").on(t.slug),
    index("portal_slug_history_org_idx").on(t.orgId),
  ],
);

/** What a contact did in the portal (G3): sign-ins, views, downloads, payment attempts, detail changes… */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id"),
    contactId: uuid("contact_id"),
    /** e.g. sign_in, sign_in_failed, document_viewed, document_downloaded, payment_started, details_updated. */
    action: text("action").notNull(),
    documentType: text("document_type"),
    documentId: uuid("document_id"),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("audit_events", t),
    index("audit_events_customer_idx").on(t.orgId, t.customerId, t.createdAt),
    index("audit_events_document_idx").on(t.orgId, t.documentId),
  ],
);
