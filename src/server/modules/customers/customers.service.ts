import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  Contact,
  Customer,
  CustomerPage,
  CustomerTotalsQuery,
  contactInput,
  createCustomerBody,
  customerListQuery,
  ListTotals,
  updateCustomerBody,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, customers } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { assertContactEmailFree, assertDistinctEmails } from "./contact-email.js";
import { findCustomerListPage, findCustomerListTotals } from "./customer-list.queries.js";

type ContactRow = typeof contacts.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;

export const toContact = (c: ContactRow): Contact => ({
  id: c.id,
  customerId: c.customerId,
  name: c.name,
  email: c.email,
  phone: c.phone,
  isPrimary: c.isPrimary,
  language: (c.language as Contact["language"]) ?? null,
  portalEnabled: c.portalEnabled,
});

const toCustomer = (c: CustomerRow, cs: ContactRow[]): Customer => {
  const { orgId: _o, deletedAt, createdAt: _c, updatedAt: _u, ...rest } = c;
  return {
    ...rest,
    language: (c.language as Customer["language"]) ?? null,
    archivedAt: deletedAt?.toISOString() ?? null,
    contacts: cs.map(toContact),
  };
};

/** The back-office customer list (issue 19): a keyset page of the filtered set in the query's order. */
export function listCustomers(
  db: Db,
  orgId: string,
  query: z.output<typeof customerListQuery>,
): Promise<CustomerPage> {
  return withOrg(db, orgId, (tx) => findCustomerListPage(tx, orgId, query));
}

/** How many customers the filters match (issue 19). */
export function customerListTotals(db: Db, orgId: string, query: CustomerTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => findCustomerListTotals(tx, orgId, query));
}

/**
 * A customer of the scope's organisation, archived or not, or NOT_FOUND (also for another tenant's id).
 * For reading what already exists: its page, its documents and their PDFs keep its name (A3).
 */
export async function loadCustomerRecord(tx: Tx, customerId: string): Promise<CustomerRow> {
  const [row] = await tx.select().from(customers).where(eq(customers.id, customerId));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/**
 * A live customer of the scope's organisation: NOT_FOUND (also for another tenant's id), or
 * CUSTOMER_ARCHIVED for an archived one: nothing new is made for it until it is restored.
 */
/** The customer as a document freezes it when issued, sent or confirmed: its own fields, not its bookkeeping. */
export const customerSnapshotOf = ({
  orgId: _o,
  createdAt: _c,
  updatedAt: _u,
  deletedAt: _d,
  ...snapshot
}: CustomerRow) => snapshot;

export async function loadCustomer(tx: Tx, customerId: string): Promise<CustomerRow> {
  const row = await loadCustomerRecord(tx, customerId);
  if (row.deletedAt) throw new AppError("CUSTOMER_ARCHIVED");
  return row;
}

/**
 * `loadCustomer` and one live contact of it by id, in one statement (issue 14: the portal's `/me` and
 * "my details" one round trip shorter); the contact is null when it is gone (or, under a contact's
 * row-level security, not this customer's). The customer's checks are `loadCustomer`'s, in its order.
 */
export async function loadCustomerWithContact(
  tx: Tx,
  customerId: string,
  contactId: string,
): Promise<{ customer: CustomerRow; contact: ContactRow | null }> {
  const [row] = await tx
    .select({ customer: customers, contact: contacts })
    .from(customers)
    .leftJoin(contacts, and(eq(contacts.id, contactId), isNull(contacts.deletedAt)))
    .where(eq(customers.id, customerId));
  if (!row) throw new AppError("NOT_FOUND");
  if (row.customer.deletedAt) throw new AppError("CUSTOMER_ARCHIVED");
  return row;
}

export async function loadContacts(tx: Tx, customerId: string): Promise<ContactRow[]> {
  return tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
    .orderBy(sql`${contacts.isPrimary} desc`, asc(contacts.createdAt));
}

export async function getCustomerInTx(tx: Tx, customerId: string): Promise<Customer> {
  return toCustomer(await loadCustomerRecord(tx, customerId), await loadContacts(tx, customerId));
}

export function getCustomer(db: Db, orgId: string, customerId: string): Promise<Customer> {
  return withOrg(db, orgId, (tx) => getCustomerInTx(tx, customerId));
}

export function createCustomer(
  db: Db,
  orgId: string,
  input: z.output<typeof createCustomerBody>,
): Promise<Customer> {
  return withOrg(db, orgId, async (tx) => {
    const org = await loadOrganisation(tx, orgId);
    const { contacts: contactInputs, ...fields } = input;
    assertDistinctEmails(
      contactInputs.map((c) => c.email),
      (i) => `body.contacts.${i}.email`,
    );
    const [row] = await tx
      .insert(customers)
      .values({ ...fields, orgId, currency: fields.currency ?? org.baseCurrency })
      .returning();
    if (!row) throw new AppError("INTERNAL");
    const hasPrimary = contactInputs.some((c) => c.isPrimary);
    for (const [i, c] of contactInputs.entries()) {
      await assertContactEmailFree(tx, { orgId, customerId: row.id }, c.email, `body.contacts.${i}.email`);
      await tx
        .insert(contacts)
        .values({ ...c, isPrimary: c.isPrimary || (!hasPrimary && i === 0), orgId, customerId: row.id });
    }
    return toCustomer(row, await loadContacts(tx, row.id));
  });
}

export function updateCustomer(
  db: Db,
  orgId: string,
  customerId: string,
  input: z.output<typeof updateCustomerBody>,
): Promise<Customer> {
  return withOrg(db, orgId, async (tx) => {
    const current = await loadCustomer(tx, customerId);
    const [row] = await tx
      .update(customers)
      .set({ ...input, currency: input.currency ?? current.currency, updatedAt: clock.now() })
      .where(eq(customers.id, customerId))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    return toCustomer(row, await loadContacts(tx, customerId));
  });
}

export function addContact(
  db: Db,
  orgId: string,
  customerId: string,
  input: z.output<typeof contactInput>,
): Promise<Contact> {
  return withOrg(db, orgId, async (tx) => {
    await loadCustomer(tx, customerId);
    await assertContactEmailFree(tx, { orgId, customerId }, input.email, "body.email");
    const existing = await loadContacts(tx, customerId);
    const isPrimary = input.isPrimary || existing.length === 0;
    if (isPrimary)
      await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.customerId, customerId));
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, isPrimary, orgId, customerId })
      .returning();
    if (!row) throw new AppError("INTERNAL");
    return toContact(row);
  });
}

/** The customer list's filtered set and orders, one definition for its page, totals and export (decision 062). */
export { customerListWhere, customerOrders } from "./customer-list.queries.js";
