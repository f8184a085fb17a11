import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import {
  contactSessions,
  contacts,
  customers,
  organisations,
  portalSlugHistory,
} from "../../db/schema/index.js";
import { withContact, withResolvedScope, withSystem } from "../../db/scope.js";
import { hashToken, newToken } from "../../http/tokens.js";
import { rememberOrganisation } from "../organisation/organisation.service.js";

/** Absolute lifetime of a contact session; the cookie lasts as long. */
export const CONTACT_SESSION_HOURS = 12;
/** A session unused for this long ends (idle expiry), whatever its absolute lifetime left. */
export const CONTACT_SESSION_IDLE_MINUTES = 120;
/** lastSeenAt is written at most this often, so reads do not each cost a write. */
const TOUCH_AFTER_MS = 60_000;

export interface ContactPrincipal {
  sessionId: string;
  orgId: string;
  customerId: string;
  contactId: string;
  /** A staff preview (C6): read-only, records nothing as viewed, writes no audit event. */
  preview: boolean;
}

export interface PortalOrg {
  id: string;
  enabled: boolean;
}

/** Resolves a portal address to its organisation: the only tenant look-up a visitor can trigger. */
export async function resolvePortalSlug(db: Db, slug: string): Promise<PortalOrg | null> {
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .select({ id: organisations.id, enabled: organisations.portalEnabled })
      .from(organisations)
      .where(eq(organisations.portalSlug, slug.toLowerCase()));
    return row ?? null;
  });
}

/**
 * A portal request's address and cookie in one statement (decision 031): the organisation of the slug
 * and, among the contact session `tokens` of the request, the one of that organisation while live and while its contact still has
 * access (D4), touched at most once a minute. A live session leaves the contact's scope set for the rest
 * of the request's transaction (`withResolvedScope`).
 */
export async function resolvePortalRequest(db: Db, slug: string, tokens: string[]): Promise<PortalRequest> {
  const now = clock.nowMs();
  const hashes = tokens.length > 0 ? tokens.map(hashToken).join(",") : null;
  return withResolvedScope<PortalRequest>(db, async (tx) => {
    const { rows } = (await tx.execute(
      sql`select (s.org_row).*, s.session, s.customer, s.contact, s.preview,
                 set_config('role', 'portico_app', true) from portal_request_scope(
            ${slug}, string_to_array(${hashes}::text, ','), ${new Date(now).toISOString()}::timestamptz,
            ${new Date(now - CONTACT_SESSION_IDLE_MINUTES * 60_000).toISOString()}::timestamptz,
            ${new Date(now - TOUCH_AFTER_MS).toISOString()}::timestamptz) s`,
    )) as unknown as { rows: PortalRequestRow[] };
    const row = rows[0];
    if (!row) return { value: { org: null, principal: null }, scope: null };
    const found = rememberOrganisation(tx, row);
    const org = { id: found.id, enabled: found.portalEnabled };
    if (!row.session || !row.customer || !row.contact)
      return { value: { org, principal: null }, scope: null };
    const principal: ContactPrincipal = {
      sessionId: row.session,
      orgId: org.id,
      customerId: row.customer,
      contactId: row.contact,
      preview: row.preview === true,
    };
    return {
      value: { org, principal },
      scope: { kind: "contact", orgId: org.id, customerId: row.customer },
    };
  });
}

export interface PortalRequest {
  org: PortalOrg | null;
  principal: ContactPrincipal | null;
}

/** The organisation's columns (snake_case), then the session's. */
interface PortalRequestRow extends Record<string, unknown> {
  session: string | null;
  customer: string | null;
  contact: string | null;
  preview: boolean | null;
}

/**
 * The current slug of the organisation that used `slug` before changing its address (C2), or null. A slug
 * some organisation uses now is never "moved", even if it is also in another's history (a rare race).
 */
export async function resolveMovedSlug(db: Db, slug: string): Promise<string | null> {
  return withSystem(db, async (tx) => {
    const old = slug.toLowerCase();
    const [row] = await tx
      .select({ slug: organisations.portalSlug })
      .from(portalSlugHistory)
      .innerJoin(organisations, eq(organisations.id, portalSlugHistory.orgId))
      .where(eq(portalSlugHistory.slug, old));
    if (!row || row.slug === old) return null;
    const [current] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.portalSlug, old));
    return current ? null : row.slug;
  });
}

export async function startContactSession(
  db: Db,
  s: {
    orgId: string;
    customerId: string;
    contactId: string;
    origin: "link" | "password" | "preview";
    previewUserId?: string;
    ip: string;
    userAgent?: string;
  },
): Promise<string> {
  const { token, hash } = newToken();
  await withSystem(db, (tx) =>
    tx.insert(contactSessions).values({
      orgId: s.orgId,
      customerId: s.customerId,
      contactId: s.contactId,
      origin: s.origin,
      previewUserId: s.previewUserId ?? null,
      tokenHash: hash,
      expiresAt: new Date(clock.nowMs() + CONTACT_SESSION_HOURS * 3600_000),
      ip: s.ip,
      userAgent: s.userAgent?.slice(0, 500),
    }),
  );
  return token;
}

/**
 * A session counts only while its contact still has portal access (D4): disabling or deleting the
 * contact or its customer ends it on the next request.
 */
export async function resolveContactSession(
  db: Db,
  orgId: string,
  token: string,
): Promise<ContactPrincipal | null> {
  const principal = await withSystem(db, async (tx) => {
    const now = clock.now();
    const [s] = await tx
      .select()
      .from(contactSessions)
      .where(
        and(
          eq(contactSessions.tokenHash, hashToken(token)),
          eq(contactSessions.orgId, orgId),
          gt(contactSessions.expiresAt, now),
          gt(contactSessions.lastSeenAt, new Date(now.getTime() - CONTACT_SESSION_IDLE_MINUTES * 60_000)),
        ),
      );
    if (!s) return null;
    if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await tx.update(contactSessions).set({ lastSeenAt: now }).where(eq(contactSessions.id, s.id));
    }
    return {
      sessionId: s.id,
      orgId: s.orgId,
      customerId: s.customerId,
      contactId: s.contactId,
      preview: s.origin === "preview",
    };
  });
  if (!principal) return null;
  return (await contactHasAccess(db, principal)) ? principal : null;
}

/** The contact (and its customer) still exist and staff have not disabled its access (D4). */
async function contactHasAccess(db: Db, principal: ContactPrincipal): Promise<boolean> {
  return withContact(db, principal.orgId, principal.customerId, (tx) =>
    contactHasAccessInTx(tx, principal.contactId),
  );
}

/** The same check inside a transaction already in the contact's scope (following an emailed link). */
export async function contactHasAccessInTx(tx: Tx, contactId: string): Promise<boolean> {
  const [c] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(
      and(
        eq(contacts.id, contactId),
        isNull(contacts.deletedAt),
        eq(contacts.portalEnabled, true),
        isNull(customers.deletedAt),
      ),
    );
  return c !== undefined;
}

/**
 * For a long-lived stream (G4): is the session still valid? Unlike resolving it, this does not touch
 * `lastSeenAt`, so an open tab alone never keeps a session from its idle expiry.
 */
export async function isContactSessionLive(db: Db, principal: ContactPrincipal): Promise<boolean> {
  const now = clock.nowMs();
  const [s] = await withSystem(db, (tx) =>
    tx
      .select({ id: contactSessions.id })
      .from(contactSessions)
      .where(
        and(
          eq(contactSessions.id, principal.sessionId),
          gt(contactSessions.expiresAt, new Date(now)),
          gt(contactSessions.lastSeenAt, new Date(now - CONTACT_SESSION_IDLE_MINUTES * 60_000)),
        ),
      ),
  );
  return s !== undefined && (await contactHasAccess(db, principal));
}

export async function endContactSession(db: Db, token: string): Promise<void> {
  await withSystem(db, (tx) =>
    tx.delete(contactSessions).where(eq(contactSessions.tokenHash, hashToken(token))),
  );
}

/** Ends every session of a contact: disabling access (D4), a password change or reset. */
export async function endContactSessions(db: Db, orgId: string, contactId: string): Promise<void> {
  await withSystem(db, (tx) =>
    tx
      .delete(contactSessions)
      .where(and(eq(contactSessions.orgId, orgId), eq(contactSessions.contactId, contactId))),
  );
}

/** Removes sessions past their absolute or idle expiry (called at start-up and by sign-ins). */
export async function pruneContactSessions(db: Db): Promise<void> {
  const now = clock.nowMs();
  await withSystem(db, async (tx) => {
    await tx.delete(contactSessions).where(lt(contactSessions.expiresAt, new Date(now)));
    await tx
      .delete(contactSessions)
      .where(lt(contactSessions.lastSeenAt, new Date(now - CONTACT_SESSION_IDLE_MINUTES * 60_000)));
  });
}
