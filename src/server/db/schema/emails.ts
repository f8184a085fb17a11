import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts } from "./_columns.js";

export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** Every email is written here in the transaction that caused it (transactional outbox). */
export const emails = pgTable(
  "emails",
  {
    id: rowId(),
    orgId: orgId(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    fromName: text("from_name"),
    replyTo: text("reply_to"),
    /** Extra headers, e.g. List-Unsubscribe (RFC 8058) on staff notifications. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb("attachments").$type<StoredAttachment[]>().notNull().default([]),
    /** outbox: kept for staff to read (no SMTP configured); queued → sent | failed with SMTP. */
    status: text("status", { enum: ["outbox", "queued", "sent", "failed"] }).notNull(),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("emails", t),
    // The outbox list walks (org_id, created_at, id) (issue 19, decision 066).
    index("emails_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("emails_id_idx").on(t.id),
  ],
);
