import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { contacts, customers } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * A live contact's email belongs to one contact of the organisation: the portal signs a contact in by
 * (organisation, email) (`findAccountByEmail`), so a second contact with the same address, in this
 * customer or another, could never sign in as itself. Same customer: CONTACT_EMAIL_TAKEN; another
 * customer: CONTACT_EMAIL_IN_USE, naming it (staff of the same organisation may see it). Letter case
 * does not make an address different. Removed contacts and archived customers' contacts do not count.
 * A transaction-scoped advisory lock on the address serialises two writers of the same address.
 */
export async function assertContactEmailFree(
  tx: Tx,
  target: { orgId: string; customerId: string; exceptContactId?: string },
  email: string | null | undefined,
  field: string,
): Promise<void> {
  if (!email) return;
  const address = normalise(email);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${target.orgId}:${address}`}, 0))`);
  const rows = await tx
    .select({ id: contacts.id, customerId: contacts.customerId, customerName: customers.name })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(
      and(
        eq(contacts.orgId, target.orgId),
        sql`lower(${contacts.email}) = ${address}`,
        isNull(contacts.deletedAt),
        isNull(customers.deletedAt),
      ),
    );
  const others = rows.filter((r) => r.id !== target.exceptContactId);
  const sameCustomer = others.find((r) => r.customerId === target.customerId);
  if (sameCustomer)
    throw new AppError("CONTACT_EMAIL_TAKEN", [
      { field, message: "another contact of this customer uses this email", code: "email_taken" },
    ]);
  const [elsewhere] = others;
  if (elsewhere)
    throw new AppError("CONTACT_EMAIL_IN_USE", [
      {
        field,
        message: `a contact of ${elsewhere.customerName} uses this email`,
        code: "email_in_use",
        params: { customerName: elsewhere.customerName },
      },
    ]);
}

/** The same rule within one request's list of new contacts (creating a customer with its contacts). */
export function assertDistinctEmails(emails: (string | null | undefined)[], field: (i: number) => string) {
  const seen = new Set<string>();
  for (const [i, email] of emails.entries()) {
    if (!email) continue;
    const address = normalise(email);
    if (seen.has(address))
      throw new AppError("CONTACT_EMAIL_TAKEN", [
        { field: field(i), message: "another contact of this customer uses this email", code: "email_taken" },
      ]);
    seen.add(address);
  }
}
