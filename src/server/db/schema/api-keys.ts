import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts } from "./_columns.js";

export const apiKeyScopes = ["read", "write"] as const;

/**
 * Keys of the back-office API (G5). Only the SHA-256 of the secret is stored; `prefix` is its first
 * characters, shown in lists so a person can tell keys apart. A key is looked up by hash before its
 * organisation is known, in the system scope, like a staff session (policies in migration 0013).
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: rowId(),
    orgId: orgId(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scope: text("scope", { enum: apiKeyScopes }).notNull(),
    expiresAt: ts("expires_at"),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [
    tenantPrimaryKey("api_keys", t),
    uniqueIndex("api_keys_secret_key").on(t.secretHash, t.orgId),
    index("api_keys_id_idx").on(t.id),
    index("api_keys_org_idx").on(t.orgId, t.createdAt),
  ],
);
