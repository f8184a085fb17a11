import { and, count, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import { preferredLanguage } from "../../../shared/language.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { memberships, staffPasswordTokens, staffSessions, users } from "../../db/schema/index.js";
import { withSystem } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { renderEmail } from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { FORGOT_PASSWORD_FLOOR_MS, noSoonerThan, RESET_EMAILS_PER_HOUR } from "../../http/forgot-password.js";
import {
  beginLoginAttempt,
  clearAccountFailures,
  clearLoginFailures,
  staffThrottleKey,
} from "../../http/login-throttle.js";
import { hashPassword, verifyPassword } from "../../http/passwords.js";
import { hashToken, newToken } from "../../http/tokens.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { checkPasswordPair } from "../portal-auth/portal-auth.service.js";
import type { StaffPrincipal } from "./auth.service.js";

/**
 * Staff forgot / reset / change password (decision 016), with the contacts' rules (D5): the password
 * policy, 256-bit single-use tokens stored as SHA-256, 30 minutes, no sign-in after a reset; a reset ends
 * every session, a change every other one. All of it runs in the system scope: a person's password is
 * not an organisation's, and forgot/reset happen before any session.
 */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

export const STAFF_RESET_TTL_MS = 30 * 60_000;
/** A first password chosen from the link an operator hands over (org:create): it may wait for days. */
export const SET_PASSWORD_TTL_MS = 7 * 86400_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type User = typeof users.$inferSelect;

async function findUserByEmail(tx: Tx, email: string): Promise<User | null> {
  const [user] = await tx.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
}

/** Emails the person in its language (else its first organisation's), branded by that organisation. */
async function emailUser(
  tx: Tx,
  deps: Deps,
  user: User,
  kind: "staff_password_reset" | "staff_password_changed",
  path: string,
): Promise<void> {
  const [membership] = await tx
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt)
    .limit(1);
  if (!membership) return;
  const org = await loadOrganisation(tx, membership.orgId);
  const lang = preferredLanguage(user.language, org.language);
  const email = await renderEmail(
    kind,
    lang,
    { user_name: user.name, org_name: org.name },
    { buttonUrl: `${deps.config.publicUrl}${path}`, brandColor: org.brandColor },
  );
  await deps.mailer.enqueue(tx, {
    orgId: org.id,
    kind,
    to: user.email,
    toName: user.name,
    fromName: "Portico",
    ...email,
  });
}

const revokeTokens = (tx: Tx, userId: string) =>
  tx
    .update(staffPasswordTokens)
    .set({ revokedAt: clock.now() })
    .where(
      and(
        eq(staffPasswordTokens.userId, userId),
        isNull(staffPasswordTokens.usedAt),
        isNull(staffPasswordTokens.revokedAt),
      ),
    );

/**
 * The caller always gets the same "ok" after the same fixed floor; only a known person gets a link, and
 * at most RESET_EMAILS_PER_HOUR an hour (a new link revokes the earlier ones).
 */
export async function requestStaffPasswordReset(deps: Deps, email: string): Promise<void> {
  const sent = await noSoonerThan(FORGOT_PASSWORD_FLOOR_MS, () =>
    withSystem(deps.db, async (tx) => {
      const user = await findUserByEmail(tx, email);
      if (!user) return false;
      const [recent] = await tx
        .select({ n: count() })
        .from(staffPasswordTokens)
        .where(
          and(
            eq(staffPasswordTokens.userId, user.id),
            gt(staffPasswordTokens.createdAt, new Date(clock.nowMs() - 3600_000)),
          ),
        );
      if ((recent?.n ?? 0) >= RESET_EMAILS_PER_HOUR) return false;
      await revokeTokens(tx, user.id);
      const { token, hash } = newToken();
      await tx.insert(staffPasswordTokens).values({
        userId: user.id,
        purpose: "password_reset",
        tokenHash: hash,
        expiresAt: new Date(clock.nowMs() + STAFF_RESET_TTL_MS),
        createdAt: clock.now(),
      });
      await emailUser(tx, deps, user, "staff_password_reset", `/app/reset-password?token=${token}`);
      return true;
    }),
  );
  if (sent) void deps.mailer.deliverQueued();
}

/**
 * A one-time link for a person whose password is not set yet (an owner created by an operator): the
 * reset page's token with its own purpose and 7 days to use it; earlier links of the person end.
 */
export async function issueSetPasswordLink(
  deps: Pick<Deps, "db" | "config">,
  userId: string,
): Promise<string> {
  const { token, hash } = newToken();
  await withSystem(deps.db, async (tx) => {
    await revokeTokens(tx, userId);
    await tx.insert(staffPasswordTokens).values({
      userId,
      purpose: "set_password",
      tokenHash: hash,
      expiresAt: new Date(clock.nowMs() + SET_PASSWORD_TTL_MS),
      createdAt: clock.now(),
    });
  });
  return `${deps.config.publicUrl}/app/reset-password?token=${token}`;
}

/** Sets the password from an emailed (or operator's) link, in one transaction: a policy error or a dead token changes nothing. */
export async function resetStaffPassword(
  deps: Deps,
  body: { token: string; password: string; confirm: string },
): Promise<void> {
  checkPasswordPair(body.password, body.confirm, "body.password");
  const hash = await hashPassword(body.password);
  const user = await withSystem(deps.db, async (tx) => {
    const [used] = TOKEN_SHAPE.test(body.token)
      ? await tx
          .update(staffPasswordTokens)
          .set({ usedAt: clock.now() })
          .where(
            and(
              eq(staffPasswordTokens.tokenHash, hashToken(body.token)),
              inArray(staffPasswordTokens.purpose, ["password_reset", "set_password"]),
              isNull(staffPasswordTokens.usedAt),
              isNull(staffPasswordTokens.revokedAt),
              gt(staffPasswordTokens.expiresAt, clock.now()),
            ),
          )
          .returning({ userId: staffPasswordTokens.userId })
      : [];
    const [found] = used ? await tx.select().from(users).where(eq(users.id, used.userId)) : [];
    if (!found) throw new AppError("TOKEN_INVALID");
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, found.id));
    await tx.delete(staffSessions).where(eq(staffSessions.userId, found.id));
    await revokeTokens(tx, found.id);
    await emailUser(tx, deps, found, "staff_password_changed", "/app/login");
    return found;
  });
  // A new password ends every lock-out on the account.
  await clearAccountFailures(deps.db, staffThrottleKey(user.email));
  void deps.mailer.deliverQueued();
}

/**
 * For a signed-in staff member: the current password is required and wrong guesses count against the
 * sign-in throttle; on success every other session and outstanding reset link ends.
 */
export async function changeStaffPassword(
  deps: Deps,
  principal: StaffPrincipal,
  body: { currentPassword: string; newPassword: string; confirm: string },
  ip: string,
): Promise<void> {
  checkPasswordPair(body.newPassword, body.confirm, "body.newPassword");
  const [user] = await withSystem(deps.db, (tx) =>
    tx.select().from(users).where(eq(users.id, principal.userId)),
  );
  if (!user) throw new AppError("UNAUTHENTICATED");
  const attempt = { accountKey: staffThrottleKey(user.email), ip };
  await beginLoginAttempt(deps.db, attempt);
  if (!(await verifyPassword(user.passwordHash, body.currentPassword)))
    throw new AppError("WRONG_PASSWORD", [
      { field: "body.currentPassword", message: "not right", code: "wrong_password" },
    ]);
  await clearLoginFailures(deps.db, attempt);
  const hash = await hashPassword(body.newPassword);
  await withSystem(deps.db, async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, user.id));
    await tx
      .delete(staffSessions)
      .where(and(eq(staffSessions.userId, user.id), ne(staffSessions.id, principal.sessionId)));
    await revokeTokens(tx, user.id);
    await emailUser(tx, deps, user, "staff_password_changed", "/app/login");
  });
  await clearAccountFailures(deps.db, attempt.accountKey);
  void deps.mailer.deliverQueued();
}
