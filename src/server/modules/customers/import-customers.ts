import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { contacts, customers } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";

type NewCustomer = Omit<typeof customers.$inferInsert, "orgId" | "id">;
type NewContact = Omit<typeof contacts.$inferInsert, "orgId" | "id" | "customerId">;

export interface KnownCustomer {
  id: string;
  name: string;
  currency: string;
}

/**
 * The organisation's customers as an import matches them (decision 029): by the external id it was
 * imported with, else its tax id, else its email (lower case, trimmed); and the live contacts' emails
 * (one live contact per address, contact-email.ts), with the name of the customer that holds each.
 */
export async function loadCustomerKeys(tx: Tx) {
  const rows = await tx
    .select({
      id: customers.id,
      name: customers.name,
      currency: customers.currency,
      externalId: customers.externalId,
      taxId: customers.taxId,
      email: customers.email,
    })
    .from(customers);
  const byExternalId = new Map<string, KnownCustomer>();
  const byTaxId = new Map<string, KnownCustomer>();
  const byEmail = new Map<string, KnownCustomer>();
  const byName = new Map<string, KnownCustomer>();
  for (const r of rows) {
    const known = { id: r.id, name: r.name, currency: r.currency };
    if (r.externalId) byExternalId.set(r.externalId, known);
    if (r.taxId) byTaxId.set(normaliseKey(r.taxId), known);
    if (r.email) byEmail.set(normaliseKey(r.email), known);
    byName.set(normaliseKey(r.name), known);
  }
  const live = await tx
    .select({ email: sql<string>`lower(${contacts.email})`, name: customers.name })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(isNotNull(contacts.email), isNull(contacts.deletedAt), isNull(customers.deletedAt)));
  const contactEmails = new Map(live.map((r) => [r.email, r.name]));
  return { byExternalId, byTaxId, byEmail, byName, contactEmails };
}
export type CustomerKeys = Awaited<ReturnType<typeof loadCustomerKeys>>;

/** Tax ids and emails compare without case, spaces, dots or dashes ("B-1234.5678" = "b12345678"). */
export const normaliseKey = (value: string) => value.toLowerCase().replace(/[\s.-]/g, "");

/**
 * Writes imported customers and their contacts in the caller's transaction, the first contact of each
 * primary. The addresses were checked free when the import was planned; checked again here, under the
 * same rule, in case a contact took one since (the import then stops, CONTACT_EMAIL_IN_USE).
 */
export async function insertImportedCustomersInTx(
  tx: Tx,
  orgId: string,
  items: { customer: NewCustomer; contacts: NewContact[] }[],
): Promise<{ customers: number; contacts: number }> {
  if (items.length === 0) return { customers: 0, contacts: 0 };
  const emails = items.flatMap((i) => i.contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])));
  if (emails.length > 0) {
    const [taken] = await tx
      .select({ email: contacts.email })
      .from(contacts)
      // org_id first, as the index on (org_id, lower(email)) is: without it every chunk scanned all contacts.
      .where(
        and(
          eq(contacts.orgId, orgId),
          inArray(sql`lower(${contacts.email})`, emails),
          isNull(contacts.deletedAt),
        ),
      )
      .limit(1);
    if (taken) throw new AppError("CONTACT_EMAIL_IN_USE");
  }
  const inserted = await tx
    .insert(customers)
    .values(items.map((i) => ({ ...i.customer, orgId })))
    .returning({ id: customers.id });
  const newContacts = items.flatMap((item, i) =>
    item.contacts.map((c, j) => ({ ...c, isPrimary: j === 0, orgId, customerId: inserted[i]?.id as string })),
  );
  if (newContacts.length > 0) await tx.insert(contacts).values(newContacts);
  return { customers: inserted.length, contacts: newContacts.length };
}
