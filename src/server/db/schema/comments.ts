import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey } from "./_columns.js";

/** The documents a comment or a share can be about; each has a registry entry in modules/comments. */
export const commentDocumentTypes = ["quote", "invoice", "sales_order", "timesheet"] as const;

/**
 * Comments on a document (A14). A staff comment reaches the portal only when `visibleInPortal`; a
 * contact's comment is always shown to staff and to the customer's other contacts. Who may read which
 * row is decided by the policies of migration 0004, not only by the queries.
 */
export const comments = pgTable(
  "comments",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    documentType: text("document_type", { enum: commentDocumentTypes }).notNull(),
    documentId: uuid("document_id").notNull(),
    authorKind: text("author_kind", { enum: ["staff", "contact"] }).notNull(),
    authorUserId: uuid("author_user_id"),
    authorContactId: uuid("author_contact_id"),
    /** The author's name when writing: a renamed or deleted author does not rewrite history. */
    authorName: text("author_name").notNull(),
    /** Set when staff wrote it through an API key (G5): the key, not a person, is the author. */
    apiKeyId: uuid("api_key_id"),
    body: text("body").notNull(),
    visibleInPortal: boolean("visible_in_portal").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("comments", t),
    index("comments_document_idx").on(t.orgId, t.documentType, t.documentId, t.createdAt),
  ],
);

/** E14: a contact forwarded a document to another person, who became (or already was) a contact. */
export const documentShares = pgTable(
  "document_shares",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    documentType: text("document_type", { enum: commentDocumentTypes }).notNull(),
    documentId: uuid("document_id").notNull(),
    sharedByContactId: uuid("shared_by_contact_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("document_shares", t),
    index("document_shares_sharer_idx").on(t.orgId, t.sharedByContactId, t.createdAt),
  ],
);
