import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contactSessions, contacts, customers, organisations } from "../../db/schema/index.js";
import { withContact, withSystem } from "../../db/scope.js";
import { hashToken, newToken } from "../../http/tokens.js";

export const CONTACT_SESSION_HOURS = 12;

export interface ContactPrincipal {
  sessionId: string;
  orgId: string;
  customerId: string;
  contactId: string;
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

export async function startContactSession(
  db: Db,
  s: {
    orgId: string;
    customerId: string;
    contactId: string;
    origin: "link" | "password";
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
      tokenHash: hash,
      expiresAt: new Date(Date.now() + CONTACT_SESSION_HOURS * 3600_000),
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
    const [s] = await tx
      .select()
      .from(contactSessions)
      .where(
        and(
          eq(contactSessions.tokenHash, hashToken(token)),
          eq(contactSessions.orgId, orgId),
          gt(contactSessions.expiresAt, new Date()),
        ),
      );
    return s ? { sessionId: s.id, orgId: s.orgId, customerId: s.customerId, contactId: s.contactId } : null;
  });
  if (!principal) return null;
  const live = await withContact(db, principal.orgId, principal.customerId, async (tx) => {
    const [c] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(
        and(
          eq(contacts.id, principal.contactId),
          isNull(contacts.deletedAt),
          eq(contacts.portalEnabled, true),
          isNull(customers.deletedAt),
        ),
      );
    return c !== undefined;
  });
  return live ? principal : null;
}

export async function endContactSession(db: Db, token: string): Promise<void> {
  await withSystem(db, (tx) =>
    tx.delete(contactSessions).where(eq(contactSessions.tokenHash, hashToken(token))),
  );
}
