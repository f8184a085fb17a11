import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { TeamMember, TeamResponse } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { memberships, staffSessions, users } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { listPendingInvitations } from "./invitations.service.js";
import { can, type StaffRole as Role, type TeamActor } from "./staff-policy.js";

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  disabledAt: memberships.disabledAt,
  lastSignInAt: memberships.lastSignInAt,
};
type MemberRow = { [K in keyof typeof memberColumns]: (typeof memberColumns)[K]["_"]["data"] | null };

const toMember = (row: MemberRow, actor: TeamActor): TeamMember => ({
  userId: row.userId as string,
  name: row.name ?? "",
  email: row.email ?? "",
  role: row.role as Role,
  status: row.disabledAt ? "disabled" : "active",
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  isYou: row.userId === actor.userId,
});

const selectMembers = (tx: Tx, orgId: string, userId?: string) =>
  tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), userId ? eq(memberships.userId, userId) : undefined));

export async function listTeam(db: Db, actor: TeamActor): Promise<TeamResponse> {
  return withOrg(db, actor.orgId, async (tx) => {
    const rows = await selectMembers(tx, actor.orgId).orderBy(asc(users.name), asc(users.email));
    return {
      members: rows.map((r) => toMember(r, actor)),
      invitations: await listPendingInvitations(tx, actor.orgId),
    };
  });
}

/**
 * The member, locked with every owner row of the organisation (in id order, so two changes at once
 * cannot each leave the other's owner as "the other one"), or NOT_FOUND.
 */
async function lockMember(tx: Tx, actor: TeamActor, userId: string) {
  await tx.execute(
    sql`select 1 from memberships where org_id = ${actor.orgId} and (role = 'owner' or user_id = ${userId}) order by user_id for update`,
  );
  const [row] = await selectMembers(tx, actor.orgId, userId);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Anything that touches an owner, or makes one, is an owner's: admins manage everyone else. */
function checkOwnerRule(actor: TeamActor, target: MemberRow, newRole?: Role) {
  if ((target.role === "owner" || newRole === "owner") && !can(actor, "ownership.manage"))
    throw new AppError("FORBIDDEN_ROLE");
}

/** There is always at least one active owner besides the one about to stop being one. */
async function checkAnotherOwner(tx: Tx, orgId: string, userId: string) {
  const [other] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "owner"),
        isNull(memberships.disabledAt),
        ne(memberships.userId, userId),
      ),
    )
    .limit(1);
  if (!other) throw new AppError("TEAM_LAST_OWNER");
}

/** Changes a member's role; making someone an owner is how an owner hands over (or shares) ownership. */
export async function changeMemberRole(
  db: Db,
  actor: TeamActor,
  userId: string,
  role: Role,
): Promise<TeamMember> {
  return withOrg(db, actor.orgId, async (tx) => {
    const target = await lockMember(tx, actor, userId);
    checkOwnerRule(actor, target, role);
    if (target.role === "owner" && role !== "owner" && !target.disabledAt)
      await checkAnotherOwner(tx, actor.orgId, userId);
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    return toMember({ ...target, role }, actor);
  });
}

/**
 * Disables or re-enables a member. A disabled member's sessions in this organisation are ended at once
 * (and `resolveStaffSession` refuses any that a concurrent request still holds).
 */
export async function setMemberDisabled(
  db: Db,
  actor: TeamActor,
  userId: string,
  disabled: boolean,
): Promise<TeamMember> {
  return withOrg(db, actor.orgId, async (tx) => {
    const target = await lockMember(tx, actor, userId);
    checkOwnerRule(actor, target);
    if (disabled && target.role === "owner" && !target.disabledAt)
      await checkAnotherOwner(tx, actor.orgId, userId);
    const disabledAt = disabled ? (target.disabledAt ?? clock.now()) : null;
    await tx
      .update(memberships)
      .set({ disabledAt })
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    if (disabled)
      await tx
        .delete(staffSessions)
        .where(and(eq(staffSessions.orgId, actor.orgId), eq(staffSessions.userId, userId)));
    return toMember({ ...target, disabledAt }, actor);
  });
}
