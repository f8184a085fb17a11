import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type {
  ContactPortalAccess,
  EnablePortalAccessBody,
  PortalAccessStatus,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { auditEvents, contactSessions, contacts, documentLinks } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { checkNewPassword } from "../../http/password-policy.js";
import { hashPassword } from "../../http/passwords.js";
import { loadContacts, loadCustomer, loadCustomerRecord } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { inviteContact, type MailDeps } from "./invitation.js";
import { revokePortalTokens } from "./portal-tokens.service.js";

type ContactRow = typeof contacts.$inferSelect;
export type AccessDeps = MailDeps & { db: Db };

/** One rule for every screen: a staff "disable" wins over everything the contact did. */
export function accessStatusOf(c: Pick<ContactRow, "portalEnabled" | "passwordHash" | "invitedAt">) {
  const status: PortalAccessStatus = !c.portalEnabled
    ? "disabled"
    : c.passwordHash
      ? "active"
      : c.invitedAt
        ? "invited"
        : "none";
  return status;
}

/** A live contact of a live customer of the scope's organisation; anything else is NOT_FOUND. */
export async function loadCustomerContact(tx: Tx, customerId: string, contactId: string) {
  const customer = await loadCustomer(tx, customerId);
  const [contact] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.customerId, customerId), isNull(contacts.deletedAt)));
  if (!contact) throw new AppError("NOT_FOUND");
  return { customer, contact };
}

/**
 * Per-contact access of one customer. The last sign-in is the newest of a password sign-in recorded in
 * the audit trail and a session opened by the contact (a document link, D6); staff previews do not count.
 */
export async function accessList(tx: Tx, customerId: string): Promise<ContactPortalAccess[]> {
  const rows = await loadContacts(tx, customerId);
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  const signIns = await tx
    .select({ contactId: auditEvents.contactId, at: sql<string>`max(${auditEvents.createdAt})` })
    .from(auditEvents)
    .where(and(inArray(auditEvents.contactId, ids), eq(auditEvents.action, "sign_in")))
    .groupBy(auditEvents.contactId);
  const sessions = await tx
    .select({ contactId: contactSessions.contactId, at: sql<string>`max(${contactSessions.createdAt})` })
    .from(contactSessions)
    .where(and(inArray(contactSessions.contactId, ids), ne(contactSessions.origin, "preview")))
    .groupBy(contactSessions.contactId);
  const last = new Map<string, number>();
  for (const r of [...signIns, ...sessions]) {
    if (!r.contactId || !r.at) continue;
    const at = new Date(r.at).getTime();
    last.set(r.contactId, Math.max(at, last.get(r.contactId) ?? 0));
  }
  return rows.map((c) => {
    const lastAt = last.get(c.id);
    return {
      contactId: c.id,
      name: c.name,
      email: c.email,
      status: accessStatusOf(c),
      invitedAt: c.invitedAt?.toISOString() ?? null,
      lastSignInAt: lastAt ? new Date(lastAt).toISOString() : null,
    };
  });
}

export function listPortalAccess(db: Db, orgId: string, customerId: string) {
  return withOrg(db, orgId, async (tx) => {
    await loadCustomerRecord(tx, customerId);
    return accessList(tx, customerId);
  });
}

/**
 * D1: by invitation (the contact chooses a password from the emailed link) or with a password staff set
 * and pass on themselves (no email: a password never travels by email). Either re-enables a disabled
 * contact. The password is hashed before the transaction so argon2 never holds a connection.
 */
export async function enablePortalAccess(
  deps: AccessDeps,
  orgId: string,
  customerId: string,
  contactId: string,
  body: EnablePortalAccessBody,
) {
  let passwordHash: string | null = null;
  if (body.mode === "password") {
    checkNewPassword(body.password, "body.password");
    passwordHash = await hashPassword(body.password);
  }
  const result = await withOrg(deps.db, orgId, async (tx) => {
    const { customer, contact } = await loadCustomerContact(tx, customerId, contactId);
    if (!contact.email) throw new AppError("CONTACT_HAS_NO_EMAIL");
    if (passwordHash) {
      const now = clock.now();
      await tx
        .update(contacts)
        .set({ passwordHash, passwordChangedAt: now, portalEnabled: true, updatedAt: now })
        .where(eq(contacts.id, contact.id));
      // A new password supersedes pending invitations; an old password's sessions end with it.
      await revokePortalTokens(tx, contact.id);
      if (contact.passwordHash) await endSessions(tx, contact.id);
    } else {
      await inviteContact(tx, deps, await loadOrganisation(tx, orgId), customer, contact);
    }
    return { contacts: await accessList(tx, customerId) };
  });
  void deps.mailer.deliverQueued();
  return result;
}

/** D3: a fresh invitation; the previous one stops working. A disabled contact must be enabled first. */
export async function reinviteContact(
  deps: AccessDeps,
  orgId: string,
  customerId: string,
  contactId: string,
) {
  const result = await withOrg(deps.db, orgId, async (tx) => {
    const { customer, contact } = await loadCustomerContact(tx, customerId, contactId);
    if (!contact.portalEnabled) throw new AppError("PORTAL_ACCESS_DISABLED");
    await inviteContact(tx, deps, await loadOrganisation(tx, orgId), customer, contact);
    return { contacts: await accessList(tx, customerId) };
  });
  void deps.mailer.deliverQueued();
  return result;
}

/**
 * D4, in one staff transaction: the flag (which every session and link check reads), plus the sessions,
 * document links and tokens themselves, so nothing issued before keeps working if access is enabled again.
 */
export async function revokeAccess(tx: Tx, contactIds: string[]) {
  if (contactIds.length === 0) return;
  const now = clock.now();
  await tx
    .update(contacts)
    .set({ portalEnabled: false, updatedAt: now })
    .where(inArray(contacts.id, contactIds));
  await tx
    .update(documentLinks)
    .set({ revokedAt: now })
    .where(and(inArray(documentLinks.contactId, contactIds), isNull(documentLinks.revokedAt)));
  for (const id of contactIds) {
    await revokePortalTokens(tx, id);
    await endSessions(tx, id);
  }
}

// Staff scope may delete its organisation's contact sessions (RLS tenant_auth); doing it here keeps the
// disable atomic, where endContactSessions would open a second transaction.
const endSessions = (tx: Tx, contactId: string) =>
  tx.delete(contactSessions).where(eq(contactSessions.contactId, contactId));

export function disableContactAccess(db: Db, orgId: string, customerId: string, contactId: string) {
  return withOrg(db, orgId, async (tx) => {
    const { contact } = await loadCustomerContact(tx, customerId, contactId);
    await revokeAccess(tx, [contact.id]);
    return { contacts: await accessList(tx, customerId) };
  });
}

export function disableCustomerAccess(db: Db, orgId: string, customerId: string) {
  return withOrg(db, orgId, async (tx) => {
    await loadCustomer(tx, customerId);
    await revokeAccess(
      tx,
      (await loadContacts(tx, customerId)).map((c) => c.id),
    );
    return { contacts: await accessList(tx, customerId) };
  });
}
