import { and, eq } from "drizzle-orm";
import type { Customer } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { contacts, customers } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { revokeAccess } from "../portal-access/portal-access.service.js";
import { getCustomerInTx, loadContacts, loadCustomer, loadCustomerRecord } from "./customers.service.js";

/**
 * Archives a customer (soft delete, A3): it leaves lists and pickers, nothing new is made for it
 * (CUSTOMER_ARCHIVED), and its contacts' portal access ends at once (sessions, links and tokens, as
 * disabling does). Its contacts stay, and every document keeps its customer and renders with its name.
 */
export function archiveCustomer(db: Db, orgId: string, customerId: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    await loadCustomer(tx, customerId);
    const now = clock.now();
    await tx.update(customers).set({ deletedAt: now, updatedAt: now }).where(eq(customers.id, customerId));
    await revokeAccess(
      tx,
      (await loadContacts(tx, customerId)).map((c) => c.id),
    );
  });
}

/**
 * Brings an archived customer back with its contacts. Portal access stays off: staff enable or invite
 * each contact again. Contacts removed together with the customer by the earlier delete (same instant)
 * come back too.
 */
export function restoreCustomer(db: Db, orgId: string, customerId: string): Promise<Customer> {
  return withOrg(db, orgId, async (tx) => {
    const row = await loadCustomerRecord(tx, customerId);
    if (!row.deletedAt) throw new AppError("CUSTOMER_NOT_ARCHIVED");
    const now = clock.now();
    await tx
      .update(contacts)
      .set({ deletedAt: null, portalEnabled: false, updatedAt: now })
      .where(and(eq(contacts.customerId, customerId), eq(contacts.deletedAt, row.deletedAt)));
    await tx.update(customers).set({ deletedAt: null, updatedAt: now }).where(eq(customers.id, customerId));
    return getCustomerInTx(tx, customerId);
  });
}
