import { and, eq, gt, isNull, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { memberships, organisations, staffSessions, users } from "../../db/schema/index.js";
import { withOrg, withResolvedScope, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { beginLoginAttempt, clearLoginFailures, staffThrottleKey } from "../../http/login-throttle.js";
import { verifyPassword } from "../../http/passwords.js";
import { hashToken, newToken } from "../../http/tokens.js";
import { rememberOrganisation } from "../organisation/organisation.service.js";
import { permissionsOf } from "../team/staff-policy.js";
import { checkSecondFactor } from "./two-factor.service.js";

/** Absolute lifetime of a staff session; the cookie lasts as long. */
export const STAFF_SESSION_DAYS = 14;
/**
 * A staff session unused for this long ends (decision 016): a working day with breaks, not a night on a
 * shared computer. Contacts' sessions idle out sooner (CONTACT_SESSION_IDLE_MINUTES).
 */
export const STAFF_SESSION_IDLE_HOURS = 8;
/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_AFTER_MS = 60_000;
const idleCutoff = (nowMs: number) => new Date(nowMs - STAFF_SESSION_IDLE_HOURS * 3600_000);

export interface StaffPrincipal {
  sessionId: string;
  userId: string;
  orgId: string;
  role: "owner" | "admin" | "staff";
  /** Set when the request carries an API key instead of a session (G5, modules/api-keys). */
  apiKey?: { id: string; name: string; scope: "read" | "write" };
  /**
   * The organisation requires two-factor sign-in and this person has not set it up: the session reaches
   * only /api/auth/* (decision 022; requireStaff).
   */
  twoFactorSetupRequired?: true;
}

/**
 * Same error, same work, whether the email is unknown or the password wrong (no account enumeration);
 * throttled per account (login-throttle.ts) on top of the per-address rate limit of the route.
 */
export async function signInStaff(
  db: Db,
  input: {
    email: string;
    password: string;
    code?: string | undefined;
    recoveryCode?: string | undefined;
    ip: string;
    userAgent: string | undefined;
  },
): Promise<{ token: string; principal: StaffPrincipal }> {
  const attempt = { accountKey: staffThrottleKey(input.email), ip: input.ip };
  await beginLoginAttempt(db, attempt);
  const found = await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, input.email.toLowerCase()));
    if (!user) return null;
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), isNull(memberships.disabledAt)))
      // Back where they last worked (switching starts a session, which notes it), else their first.
      .orderBy(sql`${memberships.lastSignInAt} desc nulls last`, memberships.createdAt)
      .limit(1);
    return { user, membership };
  });
  const ok = await verifyPassword(found?.user.passwordHash ?? null, input.password);
  if (!ok || !found?.membership) throw new AppError("INVALID_CREDENTIALS");
  await checkSecondFactor(db, found.user, input);
  await clearLoginFailures(db, attempt);
  return startStaffSession(db, {
    userId: found.user.id,
    orgId: found.membership.orgId,
    role: found.membership.role,
    ip: input.ip,
    userAgent: input.userAgent,
  });
}

/**
 * A new session of a person in one of their organisations (sign-in, sign-up, switching organisation,
 * accepting a team invitation); notes the sign-in for the team list.
 */
export async function startStaffSession(
  db: Db,
  input: {
    userId: string;
    orgId: string;
    role: StaffPrincipal["role"];
    ip: string;
    userAgent: string | undefined;
  },
): Promise<{ token: string; principal: StaffPrincipal }> {
  const { token, hash } = newToken();
  const expiresAt = new Date(clock.nowMs() + STAFF_SESSION_DAYS * 86400_000);
  const [session] = await withSystem(db, (tx) =>
    tx
      .insert(staffSessions)
      .values({
        orgId: input.orgId,
        userId: input.userId,
        tokenHash: hash,
        expiresAt,
        lastSeenAt: clock.now(),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500),
      })
      .returning({ id: staffSessions.id }),
  );
  if (!session) throw new AppError("INTERNAL");
  // The team list's "last sign-in" (issue 12 §3); memberships are written in the organisation's scope.
  await withOrg(db, input.orgId, (tx) =>
    tx
      .update(memberships)
      .set({ lastSignInAt: clock.now() })
      .where(and(eq(memberships.orgId, input.orgId), eq(memberships.userId, input.userId))),
  );
  return {
    token,
    principal: { sessionId: session.id, userId: input.userId, orgId: input.orgId, role: input.role },
  };
}

/**
 * A session counts only while its membership of the organisation exists and is not disabled: a disabled
 * member's sessions stop on their next request (issue 12 §3).
 */
const sessionMembership = and(
  eq(memberships.userId, staffSessions.userId),
  eq(memberships.orgId, staffSessions.orgId),
  isNull(memberships.disabledAt),
);

/** Neither past its absolute lifetime nor idle at `nowMs`. */
const sessionLiveAt = (nowMs: number) =>
  and(gt(staffSessions.expiresAt, new Date(nowMs)), gt(staffSessions.lastSeenAt, idleCutoff(nowMs)));

/**
 * The session of this cookie while it is neither past its absolute lifetime nor idle; marks it used (at
 * most once a minute). One statement (decision 031) that also leaves the organisation's staff scope set
 * for the rest of the request's transaction (`withResolvedScope`).
 */
export async function resolveStaffSession(db: Db, token: string): Promise<StaffPrincipal | null> {
  const now = clock.nowMs();
  return withResolvedScope(db, async (tx) => {
    const { rows } = (await tx.execute(
      sql`select (s.org_row).*, s.session, s.user_id, s.role, s.two_factor_setup_required,
                 set_config('role', 'portico_app', true) from staff_request_scope(
            ${hashToken(token)}, ${new Date(now).toISOString()}::timestamptz,
            ${idleCutoff(now).toISOString()}::timestamptz, ${new Date(now - TOUCH_AFTER_MS).toISOString()}::timestamptz) s`,
    )) as unknown as { rows: StaffRequestRow[] };
    const row = rows[0];
    if (!row) return { value: null, scope: null };
    const org = rememberOrganisation(tx, row);
    const principal: StaffPrincipal = {
      sessionId: row.session,
      userId: row.user_id,
      orgId: org.id,
      role: row.role,
      ...(row.two_factor_setup_required ? { twoFactorSetupRequired: true as const } : {}),
    };
    return { value: principal, scope: { kind: "staff", orgId: org.id, customerId: "" } };
  });
}

/** The organisation's columns (snake_case), then the session's. */
interface StaffRequestRow extends Record<string, unknown> {
  session: string;
  user_id: string;
  role: StaffPrincipal["role"];
  two_factor_setup_required: boolean;
}

/**
 * For a long-lived stream (G4): is the session still valid? Unlike resolving it, this does not touch
 * `lastSeenAt`, so an open tab alone never keeps a session from its idle expiry.
 */
export async function isStaffSessionLive(db: Db, sessionId: string): Promise<boolean> {
  const now = clock.nowMs();
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ id: staffSessions.id })
      .from(staffSessions)
      .innerJoin(memberships, sessionMembership)
      .where(and(eq(staffSessions.id, sessionId), sessionLiveAt(now))),
  );
  return row !== undefined;
}

export async function signOutStaff(db: Db, token: string): Promise<void> {
  await withSystem(db, (tx) => tx.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token))));
}

export async function getStaffMe(db: Db, p: StaffPrincipal) {
  return withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, p.userId));
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, p.orgId));
    if (!user || !org) throw new AppError("UNAUTHENTICATED");
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        language: (user.language as "es" | "en" | null) ?? null,
      },
      org: {
        id: org.id,
        name: org.name,
        portalSlug: org.portalSlug,
        language: org.language as "es" | "en",
        baseCurrency: org.baseCurrency,
        timeZone: org.timeZone,
      },
      role: p.role,
      permissions: permissionsOf(p),
    };
  });
}

/** The organisations the person of this session belongs to, oldest membership first. */
export function listStaffOrganisations(db: Db, p: StaffPrincipal) {
  return withSystem(db, async (tx) => {
    const rows = await tx
      .select({
        id: organisations.id,
        name: organisations.name,
        portalSlug: organisations.portalSlug,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .where(and(eq(memberships.userId, p.userId), isNull(memberships.disabledAt)))
      .orderBy(memberships.createdAt, organisations.name);
    return rows.map((row) => ({ ...row, current: row.id === p.orgId }));
  });
}

/**
 * Every request acts in the one organisation of its session, so switching is a new session in the other
 * organisation and the end of this one; an organisation the person is not a member of answers NOT_FOUND
 * and changes nothing.
 */
export async function switchStaffOrganisation(
  db: Db,
  p: StaffPrincipal,
  orgId: string,
  origin: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; principal: StaffPrincipal }> {
  const [membership] = await withSystem(db, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(eq(memberships.userId, p.userId), eq(memberships.orgId, orgId), isNull(memberships.disabledAt)),
      ),
  );
  if (!membership) throw new AppError("NOT_FOUND");
  const started = await startStaffSession(db, { userId: p.userId, orgId, role: membership.role, ...origin });
  await withSystem(db, (tx) => tx.delete(staffSessions).where(eq(staffSessions.id, p.sessionId)));
  return started;
}
