import { and, asc, eq, or } from "drizzle-orm";
import type { Comment, CommentDocumentType, PortalComment } from "../../../shared/contracts/index.js";
import { truncateText } from "../../../shared/text.js";
import type { Db, Tx } from "../../db/client.js";
import { comments, contacts, customers, users } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { publish } from "../../realtime/realtime.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { StaffPrincipal } from "../auth/auth.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { type DocumentInfo, findDocument, findPortalDocument } from "../documents/document-registry.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";

type CommentRow = typeof comments.$inferSelect;

const toComment = (c: CommentRow): Comment => ({
  id: c.id,
  documentType: c.documentType,
  documentId: c.documentId,
  authorKind: c.authorKind,
  authorName: c.authorName,
  body: c.body,
  visibleInPortal: c.visibleInPortal,
  createdAt: c.createdAt.toISOString(),
});

const toPortalComment = (c: CommentRow): PortalComment => {
  const { visibleInPortal: _v, ...rest } = toComment(c);
  return rest;
};

const ofDocument = (type: CommentDocumentType, id: string) =>
  and(eq(comments.documentType, type), eq(comments.documentId, id));

/** What a contact may read; the policies of migration 0004 enforce the same, this keeps intent visible. */
const portalVisible = or(eq(comments.visibleInPortal, true), eq(comments.authorKind, "contact"));

async function staffDocument(tx: Tx, type: CommentDocumentType, id: string): Promise<DocumentInfo> {
  const doc = await findDocument(tx, type, id);
  if (!doc) throw new AppError("NOT_FOUND");
  return doc;
}

async function portalDocument(tx: Tx, type: CommentDocumentType, id: string): Promise<DocumentInfo> {
  const doc = await findPortalDocument(tx, type, id);
  if (!doc) throw new AppError("NOT_FOUND");
  return doc;
}

export function listStaffComments(
  db: Db,
  staff: StaffPrincipal,
  type: CommentDocumentType,
  documentId: string,
): Promise<Comment[]> {
  return withOrg(db, staff.orgId, async (tx) => {
    await staffDocument(tx, type, documentId);
    const rows = await tx
      .select()
      .from(comments)
      .where(ofDocument(type, documentId))
      .orderBy(asc(comments.createdAt), asc(comments.id));
    return rows.map(toComment);
  });
}

export function addStaffComment(
  db: Db,
  staff: StaffPrincipal,
  type: CommentDocumentType,
  documentId: string,
  input: { body: string; visibleInPortal: boolean },
): Promise<Comment> {
  return withOrg(db, staff.orgId, async (tx) => {
    const doc = await staffDocument(tx, type, documentId);
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, staff.userId));
    const [row] = await tx
      .insert(comments)
      .values({
        orgId: staff.orgId,
        customerId: doc.customerId,
        documentType: type,
        documentId,
        authorKind: "staff",
        authorUserId: staff.userId,
        // Written with an API key (G5): the key is the author people see; its creator stays on record.
        authorName: staff.apiKey ? `API key ${staff.apiKey.name}` : (author?.name ?? ""),
        apiKeyId: staff.apiKey?.id ?? null,
        body: input.body,
        visibleInPortal: input.visibleInPortal,
      })
      .returning();
    if (!row) throw new AppError("INTERNAL");
    await publish(tx, liveComment(row));
    return toComment(row);
  });
}

export function listPortalComments(
  db: Db,
  p: ContactPrincipal,
  type: CommentDocumentType,
  documentId: string,
): Promise<PortalComment[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await portalDocument(tx, type, documentId);
    const rows = await tx
      .select()
      .from(comments)
      .where(and(ofDocument(type, documentId), portalVisible))
      .orderBy(asc(comments.createdAt), asc(comments.id));
    return rows.map(toPortalComment);
  });
}

/**
 * A contact's comment (A14). Deliberately not gated by the C4 option `allowMessages`: that option is
 * about free messages to the organisation (E10); a comment on a quote or invoice is part of negotiating
 * that document, which the organisation chose to send (docs/decisions/010). Staff always hear of it.
 */
export async function addPortalComment(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  type: CommentDocumentType,
  documentId: string,
  body: string,
  origin: AuditOrigin,
): Promise<PortalComment> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    const doc = await portalDocument(tx, type, documentId);
    const [author] = await tx
      .select({ name: contacts.name, customerName: customers.name })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(eq(contacts.id, p.contactId));
    if (!author) throw new AppError("UNAUTHENTICATED");
    const [row] = await tx
      .insert(comments)
      .values({
        orgId: p.orgId,
        customerId: p.customerId,
        documentType: type,
        documentId,
        authorKind: "contact",
        authorContactId: p.contactId,
        authorName: author.name,
        body,
        visibleInPortal: true,
      })
      .returning();
    if (!row) throw new AppError("INTERNAL");
    await notify(tx, mail, p.orgId, "comment_added", {
      documentType: type,
      documentId,
      ...(type === "quote" ? { quoteId: documentId } : type === "invoice" ? { invoiceId: documentId } : {}),
      number: doc.number,
      customerName: author.customerName,
      contactName: author.name,
      excerpt: truncateText(body, 140),
    });
    await recordContactEvent(
      tx,
      p,
      {
        action: "comment_added",
        documentType: type === "sales_order" ? null : type,
        documentId,
        details: { commentId: row.id },
      },
      origin,
    );
    await publish(tx, liveComment(row));
    return toPortalComment(row);
  });
  // Staff emails queued by notify (C5) go out after the commit.
  void mail.mailer.deliverQueued();
  return result;
}

const liveComment = (row: CommentRow) => ({
  kind: "comment" as const,
  orgId: row.orgId,
  customerId: row.customerId,
  documentType: row.documentType,
  documentId: row.documentId,
  commentId: row.id,
});

/** A live stream's re-read (G4): the comment as staff may see it, or null. */
export function readStaffComment(db: Db, orgId: string, commentId: string): Promise<Comment | null> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx.select().from(comments).where(eq(comments.id, commentId));
    return row ? toComment(row) : null;
  });
}

/**
 * The comment as this contact may see it, or null: row-level security hides staff-only notes, and a
 * comment on a document the portal does not show (a draft) is not sent either.
 */
export function readPortalComment(
  db: Db,
  p: ContactPrincipal,
  commentId: string,
): Promise<PortalComment | null> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const [row] = await tx
      .select()
      .from(comments)
      .where(and(eq(comments.id, commentId), portalVisible));
    if (!row || !(await findPortalDocument(tx, row.documentType, row.documentId))) return null;
    return toPortalComment(row);
  });
}
