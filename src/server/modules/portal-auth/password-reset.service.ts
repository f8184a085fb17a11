import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { FORGOT_PASSWORD_FLOOR_MS, noSoonerThan, RESET_EMAILS_PER_HOUR } from "../../http/forgot-password.js";
import { clearAccountFailures, portalThrottleKey } from "../../http/login-throttle.js";
import { hashPassword } from "../../http/passwords.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import { startContactSession } from "../contact-sessions/contact-sessions.service.js";
import {
  consumePortalToken,
  countRecentPortalTokens,
  issuePortalToken,
  peekPortalToken,
  revokePortalTokens,
} from "../portal-access/portal-tokens.service.js";
import {
  type ContactAccount,
  emailAccount,
  endAccountSessions,
  findAccountByEmail,
  findLiveAccount,
  setAccountPassword,
} from "./contact-accounts.js";
import { checkPasswordPair, type Deps } from "./portal-auth.service.js";

/**
 * D5 forgot password. The caller always gets the same "ok" after the same time (a fixed floor): whether
 * the address is known shows only in the mailbox of its owner. Only a contact with portal access gets a
 * link (30 minutes, single use), and at most RESET_EMAILS_PER_HOUR of them (decision 016).
 */
export async function requestPasswordReset(
  deps: Deps,
  orgId: string,
  email: string,
  origin: AuditOrigin,
): Promise<void> {
  const sent = await noSoonerThan(FORGOT_PASSWORD_FLOOR_MS, () =>
    withOrg(deps.db, orgId, async (tx) => {
      const account = await findAccountByEmail(tx, orgId, email);
      if (!account?.portalEnabled) return false;
      const recent = await countRecentPortalTokens(tx, account.id, "password_reset", 3600_000);
      if (recent >= RESET_EMAILS_PER_HOUR) return false;
      const token = await issuePortalToken(
        tx,
        { orgId, customerId: account.customerId, contactId: account.id },
        "password_reset",
      );
      await emailAccount(tx, deps, account, "password_reset", `/reset-password?token=${token}`);
      await recordPortalEvent(
        tx,
        { orgId, customerId: account.customerId, contactId: account.id, action: "password_reset_requested" },
        origin,
      );
      return true;
    }),
  );
  if (sent) void deps.mailer.deliverQueued();
}

/**
 * Uses a token of `purpose` up and sets the contact's password, in one transaction: a policy error or a
 * dead token changes nothing. Every session and other outstanding token of the contact ends.
 */
async function setPasswordWithToken(
  deps: Deps,
  orgId: string,
  purpose: "invitation" | "password_reset",
  body: { token: string; password: string; confirm: string },
  origin: AuditOrigin,
): Promise<ContactAccount> {
  checkPasswordPair(body.password, body.confirm, "body.password");
  const hash = await hashPassword(body.password);
  const account = await withOrg(deps.db, orgId, async (tx) => {
    const owner = await consumePortalToken(tx, orgId, purpose, body.token);
    const found = owner ? await findLiveAccount(tx, owner) : null;
    if (!found) throw new AppError("TOKEN_INVALID");
    await setAccountPassword(tx, found, hash);
    await endAccountSessions(tx, found);
    await revokePortalTokens(tx, found.id);
    await recordPortalEvent(
      tx,
      {
        orgId,
        customerId: found.customerId,
        contactId: found.id,
        action: purpose === "invitation" ? "invitation_accepted" : "password_reset",
      },
      origin,
    );
    if (purpose === "password_reset") await emailAccount(tx, deps, found, "password_changed", "/login");
    return found;
  });
  // A new password ends a lock-out, including the hard one after too many failures.
  await clearAccountFailures(deps.db, portalThrottleKey(orgId, account.email));
  void deps.mailer.deliverQueued();
  return account;
}

/** D5: a new password from the emailed link; the contact then signs in with it (no session here). */
export async function resetPassword(
  deps: Deps,
  orgId: string,
  body: { token: string; password: string; confirm: string },
  origin: AuditOrigin,
): Promise<void> {
  await setPasswordWithToken(deps, orgId, "password_reset", body, origin);
}

/** D1: what the accept page shows; the invitation stays unused until the password is chosen. */
export async function peekInvitation(
  deps: Deps,
  orgId: string,
  token: string,
): Promise<{ contactName: string; email: string }> {
  const owner = await peekPortalToken(deps.db, orgId, "invitation", token);
  const account = owner ? await withOrg(deps.db, orgId, (tx) => findLiveAccount(tx, owner)) : null;
  if (!account) throw new AppError("TOKEN_INVALID");
  return { contactName: account.name, email: account.email };
}

/** D1: accepting sets the password and signs the contact in; returns the new session token. */
export async function acceptInvitation(
  deps: Deps,
  orgId: string,
  body: { token: string; password: string; confirm: string },
  origin: AuditOrigin,
): Promise<string> {
  const account = await setPasswordWithToken(deps, orgId, "invitation", body, origin);
  return startContactSession(deps.db, {
    orgId,
    customerId: account.customerId,
    contactId: account.id,
    origin: "password",
    ip: origin.ip,
    userAgent: origin.userAgent ?? undefined,
  });
}
