import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ActivityPage, CommentDocumentType } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { auditEvents, contacts, invoices, payments, quotes, salesOrders } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { findDocument } from "../documents/document-registry.js";

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
        // The number people know the document by, whichever type it is (a quote's shows its revision).
        number: sql<string | null>`coalesce(${invoices.number}, ${salesOrders.number}, ${payments.number},
          ${quotes.number} || case when ${quotes.revision} > 1 then '-R' || ${quotes.revision} else '' end)`,
        ip: auditEvents.ip,
        userAgent: auditEvents.userAgent,
      })
      .from(auditEvents)
      .leftJoin(contacts, eq(contacts.id, auditEvents.contactId))
      .leftJoin(
        invoices,
        and(eq(invoices.id, auditEvents.documentId), eq(auditEvents.documentType, "invoice")),
      )
      .leftJoin(quotes, and(eq(quotes.id, auditEvents.documentId), eq(auditEvents.documentType, "quote")))
      .leftJoin(
        salesOrders,
        and(eq(salesOrders.id, auditEvents.documentId), eq(auditEvents.documentType, "sales_order")),
      )
      .leftJoin(
        payments,
        and(eq(payments.id, auditEvents.documentId), eq(auditEvents.documentType, "payment")),
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
  await withOrg(db, orgId, (tx) => loadCustomerRecord(tx, customerId));
  return activityPage(db, orgId, eq(auditEvents.customerId, customerId), before);
}

/**
 * Everything contacts did with one document (views and who viewed first, downloads, payment attempts,
 * answers); 404 for a missing or other tenant's document.
 */
export async function documentActivity(
  db: Db,
  orgId: string,
  documentType: CommentDocumentType,
  documentId: string,
  before?: string,
) {
  await withOrg(db, orgId, async (tx) => {
    if (!(await findDocument(tx, documentType, documentId))) throw new AppError("NOT_FOUND");
  });
  return activityPage(
    db,
    orgId,
    and(eq(auditEvents.documentType, documentType), eq(auditEvents.documentId, documentId)) as SQL,
    before,
  );
}
