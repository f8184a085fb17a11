import { eq } from "drizzle-orm";
import type { CommentDocumentType } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoices, organisations, projects, quotes, salesOrders, timesheets } from "../../db/schema/index.js";
import { can, portalOptionsOf } from "../organisation/portal-policy.js";
import { displayNumberOf } from "./display-number.js";

/** What comments, shares and the audit trail need to know of a document, read in the caller's scope (RLS applies). */
export interface DocumentInfo {
  customerId: string;
  /** The number people know it by; null while a draft has none. */
  number: string | null;
  /** Drafts do not exist for the portal. */
  isDraft: boolean;
}

type Finder = (tx: Tx, id: string) => Promise<DocumentInfo | null>;

/**
 * Each document type comments can be about. A type with no entry has no documents: its routes answer
 * 404, so a module can ship its routes before the type is registered.
 */
const registry: Partial<Record<CommentDocumentType, Finder>> = {
  quote: async (tx, id) => {
    const [q] = await tx
      .select({
        customerId: quotes.customerId,
        number: quotes.number,
        revision: quotes.revision,
        status: quotes.status,
      })
      .from(quotes)
      .where(eq(quotes.id, id));
    return q ? { customerId: q.customerId, number: displayNumberOf(q), isDraft: q.status === "draft" } : null;
  },
  invoice: async (tx, id) => {
    const [inv] = await tx
      .select({ customerId: invoices.customerId, number: invoices.number, status: invoices.status })
      .from(invoices)
      .where(eq(invoices.id, id));
    return inv ? { customerId: inv.customerId, number: inv.number, isDraft: inv.status === "draft" } : null;
  },
  sales_order: async (tx, id) => {
    const [so] = await tx
      .select({ customerId: salesOrders.customerId, number: salesOrders.number, status: salesOrders.status })
      .from(salesOrders)
      .where(eq(salesOrders.id, id));
    return so ? { customerId: so.customerId, number: so.number, isDraft: so.status === "draft" } : null;
  },
  // A timesheet is known by its project and period; RLS limits a contact to visible projects.
  timesheet: async (tx, id) => {
    const [t] = await tx
      .select({
        customerId: timesheets.customerId,
        projectName: projects.name,
        from: timesheets.periodFrom,
        to: timesheets.periodTo,
      })
      .from(timesheets)
      .innerJoin(projects, eq(projects.id, timesheets.projectId))
      .where(eq(timesheets.id, id));
    return t
      ? { customerId: t.customerId, number: `${t.projectName} (${t.from} – ${t.to})`, isDraft: false }
      : null;
  },
};

export function findDocument(tx: Tx, type: CommentDocumentType, id: string): Promise<DocumentInfo | null> {
  const find = registry[type];
  return find ? find(tx, id) : Promise.resolve(null);
}

/** A document a contact may see: its customer's (RLS), and not a draft. */
export async function findPortalDocument(
  tx: Tx,
  type: CommentDocumentType,
  id: string,
): Promise<DocumentInfo | null> {
  const doc = await findDocument(tx, type, id);
  if (!doc || doc.isDraft) return null;
  // Timesheets exist in the portal only while it shows projects (C4); the contact's scope reads its org.
  if (type === "timesheet") {
    const [org] = await tx.select({ portalOptions: organisations.portalOptions }).from(organisations);
    if (!org || !can(portalOptionsOf(org), "showProjects")) return null;
  }
  return doc;
}
