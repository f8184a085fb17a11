import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ActivityPage } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { auditEvents, contacts, invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../http/errors.js";
import { loadCustomer } from "../customers/customers.service.js";

export const ACTIVITY_PAGE_SIZE = 50;

/**
 * One page of the audit trail (G3), newest first. The cursor is the last event's id: the database
 * compares (created_at, id) against that row's own values, so microsecond timestamps never pass through
 * JavaScript's millisecond dates and ties at one instant are neither skipped nor repeated. Row-level
 * security keeps both the rows and the cursor look-up inside the staff member's organisation.
 */
async function activityPage(db: Db, orgId: string, filter: SQL, before?: string): Promise<ActivityPage> {
  return withOrg(db, orgId, async (tx) => {
    const cursor = before
      ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (select a.created_at, a.id from audit_events a where a.id = ${before})`
      : undefined;
    const rows = await tx
      .select({
        id: auditEvents.id,
        at: auditEvents.createdAt,
        action: auditEvents.action,
        contactId: auditEvents.contactId,
        contactName: contacts.name,
        contactEmail: contacts.email,
        documentType: auditEvents.documentType,
        documentId: auditEvents.documentId,
        number: invoices.number,
        ip: auditEvents.ip,
        userAgent: auditEvents.userAgent,
      })
      .from(auditEvents)
      .leftJoin(contacts, eq(contacts.id, auditEvents.contactId))
      .leftJoin(
        invoices,
        and(eq(invoices.id, auditEvents.documentId), eq(auditEvents.documentType, "invoice")),
      )
      .where(and(filter, cursor))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(ACTIVITY_PAGE_SIZE + 1);
    const page = rows.slice(0, ACTIVITY_PAGE_SIZE);
    return {
      events: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        action: r.action,
        contact: r.contactId
          ? { id: r.contactId, name: r.contactName ?? "", email: r.contactEmail ?? null }
          : null,
        document:
          r.documentType && r.documentId
            ? { type: r.documentType, id: r.documentId, number: r.number ?? null }
            : null,
        ip: r.ip,
        userAgent: r.userAgent,
      })),
      nextCursor: rows.length > ACTIVITY_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

/** Everything the customer's contacts did; 404 for a missing, deleted or other tenant's customer. */
export async function customerActivity(db: Db, orgId: string, customerId: string, before?: string) {
  await withOrg(db, orgId, (tx) => loadCustomer(tx, customerId));
  return activityPage(db, orgId, eq(auditEvents.customerId, customerId), before);
}

/** Everything contacts did with one invoice (views, downloads, payment attempts). */
export async function invoiceActivity(db: Db, orgId: string, invoiceId: string, before?: string) {
  await withOrg(db, orgId, async (tx) => {
    const [row] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, invoiceId));
    if (!row) throw new AppError("NOT_FOUND");
  });
  return activityPage(
    db,
    orgId,
    and(eq(auditEvents.documentType, "invoice"), eq(auditEvents.documentId, invoiceId)) as SQL,
    before,
  );
}
