import { and, count, eq, gt, isNull } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { portalTokens } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import { hashToken, newToken } from "../../http/tokens.js";

export type PortalTokenPurpose = "invitation" | "password_reset";

/** Invitations last a week (the contact may read the email days later); resets only minutes (D5). */
export const TOKEN_TTL_MS: Record<PortalTokenPurpose, number> = {
  invitation: 7 * 86400_000,
  password_reset: 30 * 60_000,
};

export interface TokenOwner {
  orgId: string;
  customerId: string;
  contactId: string;
}

/**
 * Issues a new single-use token for one purpose and revokes the contact's earlier unused tokens of the
 * same purpose, so only the newest invitation or reset email works.
 */
export async function issuePortalToken(
  tx: Tx,
  owner: TokenOwner,
  purpose: PortalTokenPurpose,
): Promise<string> {
  await tx
    .update(portalTokens)
    .set({ revokedAt: clock.now() })
    .where(
      and(
        eq(portalTokens.contactId, owner.contactId),
        eq(portalTokens.purpose, purpose),
        isNull(portalTokens.usedAt),
        isNull(portalTokens.revokedAt),
      ),
    );
  const { token, hash } = newToken();
  await tx.insert(portalTokens).values({
    ...owner,
    purpose,
    tokenHash: hash,
    expiresAt: new Date(clock.nowMs() + TOKEN_TTL_MS[purpose]),
    createdAt: clock.now(),
  });
  return token;
}

/** How many tokens of `purpose` the contact was issued in the last `windowMs` (used or not). */
export async function countRecentPortalTokens(
  tx: Tx,
  contactId: string,
  purpose: PortalTokenPurpose,
  windowMs: number,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(portalTokens)
    .where(
      and(
        eq(portalTokens.contactId, contactId),
        eq(portalTokens.purpose, purpose),
        gt(portalTokens.createdAt, new Date(clock.nowMs() - windowMs)),
      ),
    );
  return row?.n ?? 0;
}

/** The owner of a live token of this purpose in this organisation, without using it up. */
export async function peekPortalToken(
  db: Db,
  orgId: string,
  purpose: PortalTokenPurpose,
  token: string,
): Promise<TokenOwner | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .select({
        orgId: portalTokens.orgId,
        customerId: portalTokens.customerId,
        contactId: portalTokens.contactId,
      })
      .from(portalTokens)
      .where(liveToken(orgId, purpose, token));
    return row ?? null;
  });
}

/**
 * Uses the token up inside the caller's transaction (system scope): the conditional UPDATE makes two
 * concurrent uses of one token succeed once. Null when it is unknown, of another purpose or
 * organisation, used, revoked or expired.
 */
export async function consumePortalToken(
  tx: Tx,
  orgId: string,
  purpose: PortalTokenPurpose,
  token: string,
): Promise<TokenOwner | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await tx
    .update(portalTokens)
    .set({ usedAt: clock.now() })
    .where(liveToken(orgId, purpose, token))
    .returning({
      orgId: portalTokens.orgId,
      customerId: portalTokens.customerId,
      contactId: portalTokens.contactId,
    });
  return row ?? null;
}

/** Disabling access (D4) or a password change ends every outstanding token of the contact. */
export async function revokePortalTokens(tx: Tx, contactId: string): Promise<void> {
  await tx
    .update(portalTokens)
    .set({ revokedAt: clock.now() })
    .where(
      and(eq(portalTokens.contactId, contactId), isNull(portalTokens.usedAt), isNull(portalTokens.revokedAt)),
    );
}

const liveToken = (orgId: string, purpose: PortalTokenPurpose, token: string) =>
  and(
    eq(portalTokens.tokenHash, hashToken(token)),
    eq(portalTokens.orgId, orgId),
    eq(portalTokens.purpose, purpose),
    isNull(portalTokens.usedAt),
    isNull(portalTokens.revokedAt),
    gt(portalTokens.expiresAt, clock.now()),
  );
