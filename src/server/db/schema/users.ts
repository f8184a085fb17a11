import { bigint, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, rowId, stampedNow, tenantPrimaryKey, ts } from "./_columns.js";

/** Staff people; a person may belong to several organisations through memberships. */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    language: text("language"),
    /**
     * Two-factor sign-in (decision 022): the base32 TOTP secret, stored as is (no key infrastructure yet)
     * and never returned after enrolment; set by setup, in force once totpEnabledAt is set.
     */
    totpSecret: text("totp_secret"),
    totpEnabledAt: ts("totp_enabled_at"),
    /** The time step of the last code accepted: a code of this step or an earlier one is a replay. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: orgId(),
    userId: uuid("user_id").notNull(),
    role: text("role", { enum: ["owner", "admin", "staff"] }).notNull(),
    /** A disabled member keeps the membership (and its history) but no session of it resolves (issue 12 §3). */
    disabledAt: ts("disabled_at"),
    /** The member's last sign-in to this organisation, for the team list. */
    lastSignInAt: ts("last_sign_in_at"),
    /** The member's hourly rate in minor units of the organisation's base currency (projects billed by staff rate, decision 039). */
    hourlyRateMinor: bigint("hourly_rate_minor", { mode: "number" }),
    /** C5 per member (decision 044): events this member does not want by email when emails go to members. */
    mutedNotifications: jsonb("muted_notifications").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: rowId(),
    orgId: orgId(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    lastSeenAt: stampedNow("last_seen_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("staff_sessions", t),
    uniqueIndex("staff_sessions_token_key").on(t.tokenHash, t.orgId),
    index("staff_sessions_id_idx").on(t.id),
  ],
);

/**
 * Single-use password reset tokens of staff people (decision 016), like the contacts' portal_tokens:
 * only the SHA-256 is stored, 30 minutes, one purpose. A person, not an organisation, owns the password,
 * so there is no org_id: only the system scope (sign-in pages) reads or writes these.
 */
export const staffPasswordTokens = pgTable(
  "staff_password_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** password_reset (30 minutes, emailed) or set_password (7 days, printed by `npm run org:create`). */
    purpose: text("purpose", { enum: ["password_reset", "set_password"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_password_tokens_token_key").on(t.tokenHash),
    index("staff_password_tokens_user_idx").on(t.userId, t.createdAt),
  ],
);

/**
 * Invitations to join an organisation's team (issue 12 §3), with the contacts' token rules: 256-bit,
 * single-use, 7 days, only the SHA-256 stored. Staff of the organisation list and revoke them; the accept
 * page reads one by its hash before anyone is signed in, in the system scope (migration 0013).
 */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: rowId(),
    orgId: orgId(),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "admin", "staff"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    revokedAt: ts("revoked_at"),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("staff_invitations", t),
    uniqueIndex("staff_invitations_token_key").on(t.tokenHash, t.orgId),
    index("staff_invitations_id_idx").on(t.id),
    index("staff_invitations_org_idx").on(t.orgId, t.createdAt),
  ],
);

/**
 * Single-use recovery codes of a person's two-factor sign-in (decision 022): only the SHA-256 is stored.
 * Like staff_password_tokens, a person owns them, so only the system scope reads or writes them.
 */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("staff_recovery_codes_user_idx").on(t.userId)],
);
