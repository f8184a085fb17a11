import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { contacts, savedPaymentMethods } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { notFound } from "../../errors/errors.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";

export interface SavedMethod {
  id: string;
  gateway: string;
  label: string;
  isDefault: boolean;
}

export interface SavedMethodRef {
  gateway: string;
  providerCustomerId: string;
  providerMethodId: string;
}

/** Forgets a method at its provider (the gateway's `removeSavedMethod` with the organisation's credentials). */
export type ForgetAtProvider = (orgId: string, method: SavedMethodRef) => Promise<void>;

const columns = {
  id: savedPaymentMethods.id,
  gateway: savedPaymentMethods.gateway,
  label: savedPaymentMethods.label,
  isDefault: savedPaymentMethods.isDefault,
};

const ownedBy = (p: ContactPrincipal) =>
  and(eq(savedPaymentMethods.orgId, p.orgId), eq(savedPaymentMethods.contactId, p.contactId));

/** The contact's own saved methods, the default first, then oldest first. */
export function listSavedMethods(db: Db, p: ContactPrincipal): Promise<SavedMethod[]> {
  return withContact(db, p.orgId, p.customerId, (tx) =>
    tx
      .select(columns)
      .from(savedPaymentMethods)
      .where(ownedBy(p))
      .orderBy(desc(savedPaymentMethods.isDefault), asc(savedPaymentMethods.createdAt)),
  );
}

/**
 * A method the payer chose to save, from a verified "succeeded" event, in the event's transaction. Saved
 * twice (a replay) it stays one row; the contact's first method becomes its default.
 */
export async function recordSavedMethodInTx(
  tx: Tx,
  owner: { orgId: string; customerId: string; contactId: string; gateway: string },
  method: { providerCustomerId: string; providerMethodId: string; label: string },
): Promise<void> {
  const existing = await tx
    .select({ id: savedPaymentMethods.id })
    .from(savedPaymentMethods)
    .where(
      and(eq(savedPaymentMethods.orgId, owner.orgId), eq(savedPaymentMethods.contactId, owner.contactId)),
    );
  await tx
    .insert(savedPaymentMethods)
    .values({ ...owner, ...method, isDefault: existing.length === 0 })
    .onConflictDoNothing();
}

/** The provider's customer id of this contact, so its next checkout reuses it (and shows its saved methods). */
export async function providerCustomerIdOf(
  tx: Tx,
  p: ContactPrincipal,
  gateway: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ providerCustomerId: savedPaymentMethods.providerCustomerId })
    .from(savedPaymentMethods)
    .where(and(ownedBy(p), eq(savedPaymentMethods.gateway, gateway)))
    .limit(1);
  return row?.providerCustomerId ?? null;
}

async function loadOwned(tx: Tx, p: ContactPrincipal, id: string) {
  const [row] = await tx
    .select()
    .from(savedPaymentMethods)
    .where(and(ownedBy(p), eq(savedPaymentMethods.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * Removes a saved method: first at the provider (a provider that fails leaves the row, so the contact can
 * try again and nothing stays chargeable behind a method Portico no longer shows), then the row; the
 * oldest remaining method becomes the default when the default went.
 */
export async function removeSavedMethod(
  db: Db,
  forget: ForgetAtProvider,
  p: ContactPrincipal,
  id: string,
): Promise<SavedMethod[]> {
  const row = await withContact(db, p.orgId, p.customerId, (tx) => loadOwned(tx, p, id));
  await forget(p.orgId, row);
  await withContact(db, p.orgId, p.customerId, async (tx) => {
    await tx.delete(savedPaymentMethods).where(and(ownedBy(p), eq(savedPaymentMethods.id, id)));
    if (!row.isDefault) return;
    const [next] = await tx
      .select({ id: savedPaymentMethods.id })
      .from(savedPaymentMethods)
      .where(ownedBy(p))
      .orderBy(asc(savedPaymentMethods.createdAt))
      .limit(1);
    if (next)
      await tx
        .update(savedPaymentMethods)
        .set({ isDefault: true })
        .where(eq(savedPaymentMethods.id, next.id));
  });
  return listSavedMethods(db, p);
}

/** Makes one of the contact's saved methods its default (and no other). */
export async function setDefaultSavedMethod(db: Db, p: ContactPrincipal, id: string): Promise<SavedMethod[]> {
  await withContact(db, p.orgId, p.customerId, async (tx) => {
    await loadOwned(tx, p, id);
    await tx
      .update(savedPaymentMethods)
      .set({ isDefault: false })
      .where(and(ownedBy(p), ne(savedPaymentMethods.id, id)));
    await tx
      .update(savedPaymentMethods)
      .set({ isDefault: true })
      .where(and(ownedBy(p), eq(savedPaymentMethods.id, id)));
  });
  return listSavedMethods(db, p);
}

/**
 * Issue 15 §2: the method an automatic charge uses for a customer. Methods are saved per contact, so the
 * customer's is a default method of one of its live contacts (the primary contact's first, then the
 * oldest saved), else its oldest saved method; null when it has none. Staff scope (the job's).
 */
export async function customerChargeMethod(tx: Tx, customerId: string) {
  const [row] = await tx
    .select({
      contactId: savedPaymentMethods.contactId,
      gateway: savedPaymentMethods.gateway,
      providerCustomerId: savedPaymentMethods.providerCustomerId,
      providerMethodId: savedPaymentMethods.providerMethodId,
      label: savedPaymentMethods.label,
    })
    .from(savedPaymentMethods)
    .innerJoin(contacts, eq(contacts.id, savedPaymentMethods.contactId))
    .where(and(eq(savedPaymentMethods.customerId, customerId), isNull(contacts.deletedAt)))
    .orderBy(
      desc(savedPaymentMethods.isDefault),
      desc(contacts.isPrimary),
      asc(savedPaymentMethods.createdAt),
      asc(savedPaymentMethods.id),
    )
    .limit(1);
  return row ?? null;
}
