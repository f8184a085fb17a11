import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { preferredLanguage } from "../../../shared/language.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Tx } from "../../db/client.js";
import { contactSessions, contacts, customers } from "../../db/schema/index.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import type { Mailer } from "../../email/mailer.js";
import { loadOrganisation } from "../organisation/organisation.service.js";

/**
 * A contact's portal account in one organisation. These run in the organisation's scope (withOrg with
 * the organisation of the portal's slug or of the contact's session): before sign-in the contact is
 * found by email across that organisation's customers, which the contact scope cannot do.
 */
export interface ContactAccount {
  id: string;
  orgId: string;
  customerId: string;
  name: string;
  email: string;
  language: string | null;
  customerLanguage: string | null;
  passwordHash: string | null;
  portalEnabled: boolean;
}

const accountColumns = {
  id: contacts.id,
  orgId: contacts.orgId,
  customerId: contacts.customerId,
  name: contacts.name,
  email: contacts.email,
  language: contacts.language,
  customerLanguage: customers.language,
  passwordHash: contacts.passwordHash,
  portalEnabled: contacts.portalEnabled,
};

const live = and(isNull(contacts.deletedAt), isNull(customers.deletedAt));

/** A contact with portal access and a password can sign in with it. */
export const canSignIn = (a: ContactAccount | null): a is ContactAccount & { passwordHash: string } =>
  a?.portalEnabled === true && a.passwordHash !== null;

/** Contacts with their customer, as accounts. */
const selectAccounts = (tx: Tx) =>
  tx.select(accountColumns).from(contacts).innerJoin(customers, eq(customers.id, contacts.customerId));

/**
 * The contact of this organisation with this email (case-insensitive; the index is on lower(email)).
 * Several contacts may share an address: the one that can sign in wins, then one with access, then the
 * oldest, so the same email always reaches the same account.
 */
export async function findAccountByEmail(
  tx: Tx,
  orgId: string,
  email: string,
): Promise<ContactAccount | null> {
  const [row] = await selectAccounts(tx)
    .where(
      and(eq(contacts.orgId, orgId), sql`lower(${contacts.email}) = ${email.trim().toLowerCase()}`, live),
    )
    .orderBy(
      desc(sql`(${contacts.portalEnabled} and ${contacts.passwordHash} is not null)`),
      desc(contacts.portalEnabled),
      asc(contacts.createdAt),
      asc(contacts.id),
    )
    .limit(1);
  return row ? { ...row, email: row.email as string } : null;
}

/** The contact named by a token or a session, while it still has access (D4) and an email. */
export async function findLiveAccount(
  tx: Tx,
  owner: { orgId: string; customerId: string; contactId: string },
): Promise<ContactAccount | null> {
  const [row] = await selectAccounts(tx).where(
    and(
      eq(contacts.orgId, owner.orgId),
      eq(contacts.customerId, owner.customerId),
      eq(contacts.id, owner.contactId),
      eq(contacts.portalEnabled, true),
      live,
    ),
  );
  return row?.email ? { ...row, email: row.email } : null;
}

export async function setAccountPassword(tx: Tx, account: ContactAccount, passwordHash: string) {
  const now = clock.now();
  await tx
    .update(contacts)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
    .where(and(eq(contacts.orgId, account.orgId), eq(contacts.id, account.id)));
}

/** Ends the contact's sessions in this organisation, except `keepSessionId` when given. */
export async function endAccountSessions(tx: Tx, account: ContactAccount, keepSessionId?: string) {
  await tx
    .delete(contactSessions)
    .where(
      and(
        eq(contactSessions.orgId, account.orgId),
        eq(contactSessions.contactId, account.id),
        keepSessionId ? ne(contactSessions.id, keepSessionId) : undefined,
      ),
    );
}

/**
 * Emails the contact in its language (contact, then customer, then organisation). Links come from
 * PUBLIC_URL and the organisation's current slug, never from the request.
 */
export async function emailAccount(
  tx: Tx,
  deps: { config: Config; mailer: Mailer },
  account: ContactAccount,
  kind: "password_reset" | "password_changed",
  path: string,
): Promise<void> {
  const org = await loadOrganisation(tx, account.orgId);
  const lang = preferredLanguage(account.language, account.customerLanguage, org.language);
  const buttonUrl = `${deps.config.publicUrl}/p/${encodeURIComponent(org.portalSlug)}${path}`;
  const email = await renderOrgEmail(
    tx,
    account.orgId,
    kind,
    lang,
    { org_name: org.name, contact_name: account.name },
    { buttonUrl, brandColor: org.brandColor },
  );
  await deps.mailer.enqueue(tx, {
    orgId: account.orgId,
    kind,
    to: account.email,
    toName: account.name,
    fromName: org.name,
    replyTo: org.email,
    ...email,
  });
}
