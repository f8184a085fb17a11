import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, ts } from "./_columns.js";

/** Emailed document links (D6): only the SHA-256 of the token is stored. */
export const documentLinks = pgTable(
  "document_links",
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    documentType: text("document_type", { enum: ["invoice"] }).notNull(),
    documentId: uuid("document_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    lastUsedAt: ts("last_used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("document_links_token_key").on(t.tokenHash),
    index("document_links_document_idx").on(t.orgId, t.documentId),
  ],
);

export const contactSessions = pgTable(
  "contact_sessions",
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** How the session began: a document link or (later) a password sign-in. */
    origin: text("origin", { enum: ["link", "password"] }).notNull(),
    expiresAt: ts("expires_at").notNull(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contact_sessions_token_key").on(t.tokenHash),
    index("contact_sessions_contact_idx").on(t.orgId, t.contactId),
  ],
);
