import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, stampedNow, tenantPrimaryKey, ts } from "./_columns.js";

/** Emailed document links (D6): only the SHA-256 of the token is stored. */
export const documentLinks = pgTable(
  "document_links",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    documentType: text("document_type", { enum: ["invoice", "quote", "sales_order"] }).notNull(),
    documentId: uuid("document_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    lastUsedAt: ts("last_used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("document_links", t),
    uniqueIndex("document_links_token_key").on(t.tokenHash, t.orgId),
    index("document_links_id_idx").on(t.id),
    index("document_links_document_idx").on(t.orgId, t.documentId),
  ],
);

export const contactSessions = pgTable(
  "contact_sessions",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    /**
     * How the session began: a document link, a password sign-in, or a staff preview (C6: read-only,
     * nothing recorded as viewed; `previewUserId` names the staff member).
     */
    origin: text("origin", { enum: ["link", "password", "preview"] }).notNull(),
    previewUserId: uuid("preview_user_id"),
    expiresAt: ts("expires_at").notNull(),
    lastSeenAt: stampedNow("last_seen_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("contact_sessions", t),
    uniqueIndex("contact_sessions_token_key").on(t.tokenHash, t.orgId),
    index("contact_sessions_id_idx").on(t.id),
    index("contact_sessions_contact_idx").on(t.orgId, t.contactId),
  ],
);

/**
 * Single-use tokens a contact receives by email: an invitation (set a password, D1/D3) or a password
 * reset (D5). Only the SHA-256 is stored; each is looked up with its purpose, so one kind is refused
 * wherever another is expected.
 */
export const portalTokens = pgTable(
  "portal_tokens",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    purpose: text("purpose", { enum: ["invitation", "password_reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("portal_tokens", t),
    uniqueIndex("portal_tokens_token_key").on(t.tokenHash, t.orgId),
    index("portal_tokens_id_idx").on(t.id),
    index("portal_tokens_contact_idx").on(t.orgId, t.contactId),
  ],
);

/**
 * Consecutive failed sign-ins per key (SHA-256 of an account, of an account and a client address, or of
 * a client address; decision 016), kept for unknown emails too so the answers never reveal whether an
 * account exists (NIST 800-63B throttling). `accountKey` names the account of a per-address row, so a new
 * password can clear every lock on the account.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    keyHash: text("key_hash").primaryKey(),
    accountKey: text("account_key"),
    failures: integer("failures").notNull().default(0),
    lockedUntil: ts("locked_until"),
    lastFailureAt: ts("last_failure_at"),
  },
  (t) => [index("login_attempts_account_idx").on(t.accountKey)],
);
