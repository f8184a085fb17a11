import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Customer, updateContactBody } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { contacts } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { inviteContact, type MailDeps } from "../portal-access/invitation.js";
import { accessStatusOf, loadCustomerContact, revokeAccess } from "../portal-access/portal-access.service.js";
import { assertContactEmailFree } from "./contact-email.js";
import { getCustomerInTx, loadContacts } from "./customers.service.js";

type ContactRow = typeof contacts.$inferSelect;
export type ContactDeps = MailDeps & { db: Db };

const sameEmail = (a: string | null, b: string | null) =>
  (a?.trim().toLowerCase() ?? null) === (b?.trim().toLowerCase() ?? null);

/**
 * Edits a contact's name, email, phone, language and primary flag (exactly one primary per customer).
 *
 * A new email address (not a change of letter case) re-confirms portal access, because the portal
 * account is the address: every session, emailed document link and pending token of the contact ends at
 * once (the same revocation as disabling access, D4) and a password set for the old address is cleared.
 * Then a contact that had access (invited or active) is invited again at the new address, so its status
 * becomes "invited"; a contact that was never invited stays "none" and a disabled one stays "disabled".
 */
export async function updateContact(
  deps: ContactDeps,
  orgId: string,
  customerId: string,
  contactId: string,
  input: z.output<typeof updateContactBody>,
): Promise<Customer> {
  const result = await withOrg(deps.db, orgId, async (tx) => {
    const { customer, contact } = await loadCustomerContact(tx, customerId, contactId);
    await assertContactEmailFree(
      tx,
      { orgId, customerId, exceptContactId: contact.id },
      input.email,
      "body.email",
    );
    if (contact.isPrimary && input.isPrimary === false) throw new AppError("CONTACT_PRIMARY_REQUIRED");
    const now = clock.now();
    const isPrimary = input.isPrimary ?? contact.isPrimary;
    if (isPrimary && !contact.isPrimary) {
      await tx
        .update(contacts)
        .set({ isPrimary: false, updatedAt: now })
        .where(and(eq(contacts.customerId, customerId), ne(contacts.id, contact.id)));
    }
    const emailChanged = !sameEmail(contact.email, input.email);
    const status = accessStatusOf(contact);
    if (emailChanged) await revokeAccess(tx, [contact.id]);
    const [row] = await tx
      .update(contacts)
      .set({
        name: input.name,
        email: input.email,
        phone: input.phone,
        language: input.language,
        isPrimary,
        updatedAt: now,
        ...(emailChanged
          ? { passwordHash: null, invitedAt: null, portalEnabled: status !== "disabled" }
          : {}),
      })
      .where(eq(contacts.id, contact.id))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    if (emailChanged && row.email && (status === "invited" || status === "active")) {
      await inviteContact(tx, deps, await loadOrganisation(tx, orgId), customer, row);
    }
    return getCustomerInTx(tx, customerId);
  });
  void deps.mailer.deliverQueued();
  return result;
}

/**
 * Removes a contact (soft delete, A3): its portal access ends at once (sessions, links and tokens, as
 * disabling does). The only contact of a customer cannot be removed; removing the primary makes the
 * next contact (the oldest) primary.
 */
export function removeContact(
  db: Db,
  orgId: string,
  customerId: string,
  contactId: string,
): Promise<Customer> {
  return withOrg(db, orgId, async (tx) => {
    const { contact } = await loadCustomerContact(tx, customerId, contactId);
    const others: ContactRow[] = (await loadContacts(tx, customerId)).filter((c) => c.id !== contact.id);
    const [next] = [...others].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    if (!next) throw new AppError("CONTACT_LAST");
    await revokeAccess(tx, [contact.id]);
    const now = clock.now();
    await tx
      .update(contacts)
      .set({ deletedAt: now, isPrimary: false, updatedAt: now })
      .where(eq(contacts.id, contact.id));
    if (contact.isPrimary && !others.some((c) => c.isPrimary)) {
      await tx.update(contacts).set({ isPrimary: true, updatedAt: now }).where(eq(contacts.id, next.id));
    }
    return getCustomerInTx(tx, customerId);
  });
}
