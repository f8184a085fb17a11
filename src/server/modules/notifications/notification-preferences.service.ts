import { and, eq, isNull } from "drizzle-orm";
import {
  DEFAULT_NOTIFICATION_PREFS,
  type MyNotificationPrefs,
  type NotificationEvent,
  type UnsubscribeState,
} from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { memberships, organisations, users } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import type { StaffPrincipal } from "../auth/auth.service.js";
import { notificationPrefsOf } from "../organisation/portal-policy.js";
import { type UnsubscribeClaim, verifyUnsubscribe } from "./unsubscribe-token.js";

const isEvent = (e: string): e is NotificationEvent => Object.hasOwn(DEFAULT_NOTIFICATION_PREFS, e);
const known = (events: string[]) => [...new Set(events.filter(isEvent))].sort();

/** The member's own email notices: what the organisation sends, and what this member muted. */
export function getMyNotificationPrefs(db: Db, staff: StaffPrincipal): Promise<MyNotificationPrefs> {
  return withOrg(db, staff.orgId, (tx) => myPrefsInTx(tx, staff));
}

/** Sets the events this member does not want by email (they still see them in the bell). */
export function setMyNotificationPrefs(
  db: Db,
  staff: StaffPrincipal,
  muted: NotificationEvent[],
): Promise<MyNotificationPrefs> {
  return withOrg(db, staff.orgId, async (tx) => {
    await tx
      .update(memberships)
      .set({ mutedNotifications: known(muted) })
      .where(and(eq(memberships.orgId, staff.orgId), eq(memberships.userId, staff.userId)));
    return myPrefsInTx(tx, staff);
  });
}

async function myPrefsInTx(tx: Tx, staff: StaffPrincipal): Promise<MyNotificationPrefs> {
  const [row] = await tx
    .select({ org: organisations, muted: memberships.mutedNotifications, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, staff.orgId), eq(memberships.userId, staff.userId)));
  if (!row) throw new AppError("NOT_FOUND");
  return {
    emailsGoToMembers: !row.org.email,
    receivesEmails: row.role === "owner" || row.role === "admin",
    organisation: notificationPrefsOf(row.org),
    muted: known(row.muted),
  };
}

/** What an unsubscribe link would turn off, without changing anything (a GET: mail scanners fetch links). */
export function readUnsubscribe(db: Db, secret: string, token: string): Promise<UnsubscribeState> {
  const claim = claimOf(secret, token);
  return withOrg(db, claim.orgId, (tx) => stateInTx(tx, claim, false));
}

/**
 * Turns the link's event off (`emailed` false) or back on for its recipient: the organisation's inbox
 * changes the organisation's preference, a member's email that member's own mute. Idempotent: a second
 * call finds it already so and changes nothing.
 */
export function setUnsubscribed(
  db: Db,
  secret: string,
  token: string,
  emailed: boolean,
): Promise<UnsubscribeState> {
  const claim = claimOf(secret, token);
  return withOrg(db, claim.orgId, async (tx) => {
    const state = await stateInTx(tx, claim, true);
    if (state.emailed === emailed) return state;
    const event = state.event;
    if (claim.userId === null) {
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, claim.orgId));
      const prefs = { ...notificationPrefsOf(org ?? { notificationPrefs: {} }), [event]: emailed };
      await tx
        .update(organisations)
        .set({ notificationPrefs: prefs })
        .where(eq(organisations.id, claim.orgId));
    } else {
      const [m] = await tx
        .select({ muted: memberships.mutedNotifications })
        .from(memberships)
        .where(and(eq(memberships.orgId, claim.orgId), eq(memberships.userId, claim.userId)));
      const others = (m?.muted ?? []).filter((e) => e !== event);
      await tx
        .update(memberships)
        .set({ mutedNotifications: known(emailed ? others : [...others, event]) })
        .where(and(eq(memberships.orgId, claim.orgId), eq(memberships.userId, claim.userId)));
    }
    return { ...state, emailed };
  });
}

/** A genuine token of a known event, or UNSUBSCRIBE_LINK_INVALID before the database is touched. */
function claimOf(secret: string, token: string): UnsubscribeClaim & { event: NotificationEvent } {
  const claim = verifyUnsubscribe(secret, token);
  if (!claim || !isEvent(claim.event)) throw new AppError("UNSUBSCRIBE_LINK_INVALID");
  return { ...claim, event: claim.event };
}

/**
 * The recipient's current state; the link must still be valid: the organisation's current version (a
 * raised version revokes every link) and, for a member, an active membership.
 */
async function stateInTx(
  tx: Tx,
  claim: UnsubscribeClaim & { event: NotificationEvent },
  lock: boolean,
): Promise<UnsubscribeState> {
  const orgQuery = tx.select().from(organisations).where(eq(organisations.id, claim.orgId));
  const [org] = lock ? await orgQuery.for("update") : await orgQuery;
  if (!org || org.unsubscribeVersion !== claim.version) throw new AppError("UNSUBSCRIBE_LINK_INVALID");
  const orgOn = notificationPrefsOf(org)[claim.event];
  if (claim.userId === null)
    return {
      event: claim.event,
      recipient: "organisation",
      orgName: org.name,
      address: org.email ?? "",
      emailed: orgOn,
    };
  const [m] = await tx
    .select({ email: users.email, muted: memberships.mutedNotifications })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, claim.orgId),
        eq(memberships.userId, claim.userId),
        isNull(memberships.disabledAt),
      ),
    );
  if (!m) throw new AppError("UNSUBSCRIBE_LINK_INVALID");
  return {
    event: claim.event,
    recipient: "member",
    orgName: org.name,
    address: m.email,
    emailed: !m.muted.includes(claim.event),
  };
}

/** Revokes every unsubscribe link the organisation's emails carry (owners and admins; decision 044). */
export function revokeUnsubscribeLinks(db: Db, staff: StaffPrincipal): Promise<void> {
  return withOrg(db, staff.orgId, async (tx) => {
    const [org] = await tx
      .select({ v: organisations.unsubscribeVersion })
      .from(organisations)
      .where(eq(organisations.id, staff.orgId))
      .for("update");
    await tx
      .update(organisations)
      .set({ unsubscribeVersion: (org?.v ?? 1) + 1 })
      .where(eq(organisations.id, staff.orgId));
  });
}
