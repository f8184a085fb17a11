import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type {
  AcceptTeamInvitationBody,
  InviteMemberBody,
  TeamInvitation,
  TeamInvitationInfo,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { memberships, organisations, staffInvitations, users } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { renderEmail } from "../../email/templates.js";
import { AppError } from "../../errors/errors.js";
import { beginLoginAttempt, clearLoginFailures, staffThrottleKey } from "../../http/login-throttle.js";
import { hashPassword, verifyPassword } from "../../http/passwords.js";
import { hashToken, newToken } from "../../http/tokens.js";
import { checkPasswordPair } from "../portal-auth/portal-auth.service.js";
import { can, type StaffRole, type TeamActor } from "./staff-policy.js";

export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

/** Like the contacts' invitations (portal_tokens): a week, once. */
export const TEAM_INVITATION_DAYS = 7;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const pending = (now: Date) =>
  and(
    isNull(staffInvitations.usedAt),
    isNull(staffInvitations.revokedAt),
    gt(staffInvitations.expiresAt, now),
  );

export async function listPendingInvitations(tx: Tx, orgId: string): Promise<TeamInvitation[]> {
  const rows = await tx
    .select({ invitation: staffInvitations, invitedByName: users.name })
    .from(staffInvitations)
    .innerJoin(users, eq(users.id, staffInvitations.invitedBy))
    .where(and(eq(staffInvitations.orgId, orgId), pending(clock.now())))
    .orderBy(desc(staffInvitations.createdAt));
  return rows.map(({ invitation: i, invitedByName }) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    invitedByName,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  }));
}

async function emailInvitation(
  tx: Tx,
  deps: Deps,
  actor: TeamActor,
  invitation: { email: string; role: StaffRole; token: string },
) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.orgId));
  const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  if (!org || !inviter) throw new AppError("INTERNAL");
  const lang = org.language === "en" ? "en" : "es";
  const rendered = await renderEmail(
    "team_invitation",
    lang,
    { org_name: org.name, inviter_name: inviter.name, role: invitation.role },
    { buttonUrl: `${deps.config.publicUrl}/app/invitation/${invitation.token}`, brandColor: org.brandColor },
  );
  await deps.mailer.enqueue(tx, {
    orgId: org.id,
    kind: "team_invitation",
    to: invitation.email,
    fromName: org.name,
    ...rendered,
  });
}

/**
 * Emails a single-use invitation; a new one to the same address revokes the earlier ones. Inviting an
 * owner is an owner's act, like making one.
 */
export async function inviteMember(
  deps: Deps,
  actor: TeamActor,
  body: InviteMemberBody,
): Promise<TeamInvitation> {
  if (body.role === "owner" && !can(actor, "ownership.manage")) throw new AppError("FORBIDDEN_ROLE");
  const email = body.email.trim().toLowerCase();
  const invitation = await withOrg(deps.db, actor.orgId, async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, actor.orgId), eq(users.email, email)));
    if (member) throw new AppError("TEAM_ALREADY_MEMBER");
    await tx
      .update(staffInvitations)
      .set({ revokedAt: clock.now() })
      .where(
        and(eq(staffInvitations.orgId, actor.orgId), eq(staffInvitations.email, email), pending(clock.now())),
      );
    const { token, hash } = newToken();
    await tx.insert(staffInvitations).values({
      orgId: actor.orgId,
      email,
      role: body.role,
      tokenHash: hash,
      expiresAt: new Date(clock.nowMs() + TEAM_INVITATION_DAYS * 86400_000),
      invitedBy: actor.userId,
    });
    await emailInvitation(tx, deps, actor, { email, role: body.role, token });
    const [created] = (await listPendingInvitations(tx, actor.orgId)).filter((i) => i.email === email);
    if (!created) throw new AppError("INTERNAL");
    return created;
  });
  void deps.mailer.deliverQueued();
  return invitation;
}

export async function revokeInvitation(db: Db, orgId: string, invitationId: string): Promise<void> {
  const revoked = await withOrg(db, orgId, (tx) =>
    tx
      .update(staffInvitations)
      .set({ revokedAt: clock.now() })
      .where(
        and(eq(staffInvitations.orgId, orgId), eq(staffInvitations.id, invitationId), pending(clock.now())),
      )
      .returning({ id: staffInvitations.id }),
  );
  if (revoked.length === 0) throw new AppError("NOT_FOUND");
}

/** The live invitation of this token (system scope: nobody is signed in yet), or TOKEN_INVALID. */
async function findLiveInvitation(tx: Tx, token: string, lock = false) {
  if (!TOKEN_SHAPE.test(token)) throw new AppError("TOKEN_INVALID");
  const query = tx
    .select()
    .from(staffInvitations)
    .where(and(eq(staffInvitations.tokenHash, hashToken(token)), pending(clock.now())));
  const [invitation] = lock ? await query.for("update") : await query;
  if (!invitation) throw new AppError("TOKEN_INVALID");
  return invitation;
}

export async function peekInvitation(db: Db, token: string): Promise<TeamInvitationInfo> {
  return withSystem(db, async (tx) => {
    const invitation = await findLiveInvitation(tx, token);
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, invitation.orgId));
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    return {
      orgName: org?.name ?? "",
      email: invitation.email,
      role: invitation.role,
      hasAccount: user !== undefined,
    };
  });
}

/**
 * Accepts an invitation, once: a new person sets a name and a password (the password policy), a person
 * with an account proves it with their password (throttled like a sign-in). Returns who joins where, for
 * the caller to start the session.
 */
export async function acceptInvitation(
  db: Db,
  body: AcceptTeamInvitationBody,
  ip: string,
): Promise<{ userId: string; orgId: string; role: StaffRole }> {
  const first = await withSystem(db, async (tx) => {
    const invitation = await findLiveInvitation(tx, body.token);
    const [user] = await tx.select().from(users).where(eq(users.email, invitation.email));
    return { invitation, user };
  });
  let newUserHash: string | null = null;
  if (first.user) {
    const attempt = { accountKey: staffThrottleKey(first.user.email), ip };
    await beginLoginAttempt(db, attempt);
    if (!(await verifyPassword(first.user.passwordHash, body.password)))
      throw new AppError("INVALID_CREDENTIALS");
    await clearLoginFailures(db, attempt);
  } else {
    if (!body.name)
      throw new AppError("VALIDATION_FAILED", [
        { field: "body.name", message: "required", code: "required" },
      ]);
    checkPasswordPair(body.password, body.confirm ?? "", "body.password");
    newUserHash = await hashPassword(body.password);
  }
  return withSystem(db, async (tx) => {
    const invitation = await findLiveInvitation(tx, body.token, true);
    let userId = first.user?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email: invitation.email, name: body.name ?? "", passwordHash: newUserHash ?? "" })
        .returning({ id: users.id });
      userId = created?.id;
    }
    if (!userId) throw new AppError("INTERNAL");
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, invitation.orgId), eq(memberships.userId, userId)));
    if (member) throw new AppError("TEAM_ALREADY_MEMBER");
    await tx.insert(memberships).values({ orgId: invitation.orgId, userId, role: invitation.role });
    await tx
      .update(staffInvitations)
      .set({ usedAt: clock.now() })
      .where(eq(staffInvitations.id, invitation.id));
    return { userId, orgId: invitation.orgId, role: invitation.role };
  });
}
