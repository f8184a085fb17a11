import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { withContact, withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import { beginLoginAttempt, clearLoginFailures, portalThrottleKey } from "../../http/login-throttle.js";
import { checkNewPassword } from "../../http/password-policy.js";
import { hashPassword, verifyPassword } from "../../http/passwords.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import {
  type ContactPrincipal,
  endContactSession,
  startContactSession,
} from "../contact-sessions/contact-sessions.service.js";
import { revokePortalTokens } from "../portal-access/portal-tokens.service.js";
import {
  canSignIn,
  emailAccount,
  endAccountSessions,
  findAccountByEmail,
  findLiveAccount,
  setAccountPassword,
} from "./contact-accounts.js";

export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

type Origin = AuditOrigin;

/** The two password fields of a form must agree and the new one must pass the policy. */
export function checkPasswordPair(password: string, confirm: string, field: string): void {
  checkNewPassword(password, field);
  if (password !== confirm)
    throw new AppError("PASSWORD_MISMATCH", [
      { field: "body.confirm", message: "does not match", code: "password_mismatch" },
    ]);
}

/**
 * D5 sign-in. Unknown email, wrong password, disabled access or no password yet: the same answer after
 * the same work (a hash check against a dummy when there is no account), and the same throttling,
 * since the counter is keyed by the address typed. Returns a new session token.
 */
export async function signInContact(
  db: Db,
  orgId: string,
  input: { email: string; password: string; previousToken?: string },
  origin: Origin,
): Promise<string> {
  const attempt = { accountKey: portalThrottleKey(orgId, input.email), ip: origin.ip };
  await beginLoginAttempt(db, attempt);
  const account = await withOrg(db, orgId, (tx) => findAccountByEmail(tx, orgId, input.email));
  const ok = await verifyPassword(canSignIn(account) ? account.passwordHash : null, input.password);
  if (!ok || !canSignIn(account)) {
    if (account) {
      await withOrg(db, orgId, (tx) =>
        recordPortalEvent(
          tx,
          { orgId, customerId: account.customerId, contactId: account.id, action: "sign_in_failed" },
          origin,
        ),
      );
    }
    throw new AppError("INVALID_CREDENTIALS");
  }
  await clearLoginFailures(db, attempt);
  // A fresh token at every sign-in; whatever session the browser held for this portal ends.
  if (input.previousToken) await endContactSession(db, input.previousToken);
  const token = await startContactSession(db, {
    orgId,
    customerId: account.customerId,
    contactId: account.id,
    origin: "password",
    ip: origin.ip,
    userAgent: origin.userAgent ?? undefined,
  });
  await withOrg(db, orgId, (tx) =>
    recordPortalEvent(
      tx,
      { orgId, customerId: account.customerId, contactId: account.id, action: "sign_in" },
      origin,
    ),
  );
  return token;
}

/** Ends the session of this cookie and records who signed out (nothing when the cookie was stale). */
export async function signOutContact(
  db: Db,
  principal: ContactPrincipal | null,
  token: string,
  origin: Origin,
): Promise<void> {
  await endContactSession(db, token);
  if (!principal || principal.preview) return;
  await withContact(db, principal.orgId, principal.customerId, (tx) =>
    recordPortalEvent(
      tx,
      {
        orgId: principal.orgId,
        customerId: principal.customerId,
        contactId: principal.contactId,
        action: "sign_out",
      },
      origin,
    ),
  );
}

/**
 * D5 change password, for a signed-in contact: the current password is required (a contact who came
 * through a document link and never set one must use "forgot password"), wrong guesses count against
 * the sign-in throttle, and on success every other session and outstanding emailed token ends.
 */
export async function changeContactPassword(
  deps: Deps,
  principal: ContactPrincipal,
  body: { currentPassword: string; newPassword: string; confirm: string },
  origin: Origin,
): Promise<void> {
  if (principal.preview) throw new AppError("PREVIEW_READ_ONLY");
  checkPasswordPair(body.newPassword, body.confirm, "body.newPassword");
  const account = await withOrg(deps.db, principal.orgId, (tx) => findLiveAccount(tx, principal));
  if (!account) throw new AppError("UNAUTHENTICATED");
  const attempt = { accountKey: portalThrottleKey(principal.orgId, account.email), ip: origin.ip };
  await beginLoginAttempt(deps.db, attempt);
  if (!(await verifyPassword(account.passwordHash, body.currentPassword)))
    throw new AppError("WRONG_PASSWORD", [
      { field: "body.currentPassword", message: "not right", code: "wrong_password" },
    ]);
  await clearLoginFailures(deps.db, attempt);
  const hash = await hashPassword(body.newPassword);
  await withOrg(deps.db, principal.orgId, async (tx) => {
    await setAccountPassword(tx, account, hash);
    await endAccountSessions(tx, account, principal.sessionId);
    await revokePortalTokens(tx, account.id);
    await recordPortalEvent(
      tx,
      {
        orgId: account.orgId,
        customerId: account.customerId,
        contactId: account.id,
        action: "password_changed",
      },
      origin,
    );
    await emailAccount(tx, deps, account, "password_changed", "/login");
  });
  void deps.mailer.deliverQueued();
}
