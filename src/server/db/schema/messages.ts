import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, stampedNow, tenantPrimaryKey } from "./_columns.js";
import { bytea } from "./organisations.js";

/**
 * Messages between an organisation and a customer (E10, decision 043). A thread belongs to the customer:
 * every contact of it with portal access reads it, staff of the organisation read every thread. Read
 * markers are per side (the customer's contacts, the organisation's staff) as unread counts, set to zero
 * when that side opens the thread. Who may read and write which row is decided by migration 0033's
 * policies; the composite foreign keys keep a thread, its messages and attachments in one customer.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    subject: text("subject").notNull(),
    createdByKind: text("created_by_kind", { enum: ["staff", "contact"] }).notNull(),
    createdByUserId: uuid("created_by_user_id"),
    createdByContactId: uuid("created_by_contact_id"),
    messageCount: integer("message_count").notNull().default(0),
    /** Messages from the customer's side staff have not opened yet. */
    staffUnread: integer("staff_unread").notNull().default(0),
    /** Messages from staff the customer's contacts have not opened yet. */
    customerUnread: integer("customer_unread").notNull().default(0),
    lastMessageAt: stampedNow("last_message_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("message_threads", t),
    index("message_threads_customer_idx").on(t.orgId, t.customerId, t.lastMessageAt, t.id),
    index("message_threads_org_idx").on(t.orgId, t.lastMessageAt, t.id),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    threadId: uuid("thread_id").notNull(),
    authorKind: text("author_kind", { enum: ["staff", "contact"] }).notNull(),
    authorUserId: uuid("author_user_id"),
    authorContactId: uuid("author_contact_id"),
    /** The author's name when writing: a renamed or deleted author does not rewrite history. */
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("messages", t),
    index("messages_thread_idx").on(t.orgId, t.threadId, t.createdAt, t.id),
  ],
);

/** A file sent with a message: PDF, PNG, JPEG or WebP as its bytes say (never its name), kept in the database. */
export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    messageId: uuid("message_id").notNull(),
    /** The order the files were sent in. */
    position: integer("position").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("message_attachments", t),
    index("message_attachments_message_idx").on(t.orgId, t.messageId),
  ],
);
