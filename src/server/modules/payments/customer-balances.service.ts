import type { CustomerBalance } from "../../../shared/contracts/index.js";
import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { orgToday } from "../invoices/invoices.service.js";
import { customerBalances } from "../ledger/balances.js";

/** A customer's figures per currency, archived or not: its money stays readable after archiving. */
export function getCustomerBalances(db: Db, orgId: string, customerId: string): Promise<CustomerBalance[]> {
  return withOrg(db, orgId, async (tx) => {
    const customer = await loadCustomerRecord(tx, customerId);
    return customerBalances(tx, customer.id, customer.currency, await orgToday(tx, orgId));
  });
}
