import { PGlite } from "@electric-sql/pglite";
import type { StatementQuery } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { withContact, withOrg } from "../../db/scope.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { agingAt, openingBalance, statementCurrencies } from "./statement-queries.js";
import { resolveRange } from "./statement-range.js";

/** Whose statement, in which transaction: staff for any customer of the organisation, a contact for its own. */
export interface StatementScope {
  orgId: string;
  customerId: string;
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * PGlite: one connection for everything, so a transaction left open while a PDF renders would make
   * every other request wait, and a cursor declared WITH HOLD can be read in later transactions. On
   * PostgreSQL each transaction may get another pooled connection, so a cursor lives in one transaction.
   */
  singleConnection: boolean;
}

const isPglite = (db: Db) => (db as { $client?: unknown }).$client instanceof PGlite;

export const staffScope = (db: Db, orgId: string, customerId: string): StatementScope => ({
  orgId,
  customerId,
  run: (fn) => withOrg(db, orgId, fn),
  singleConnection: isPglite(db),
});

export const contactScope = (db: Db, p: ContactPrincipal): StatementScope => ({
  orgId: p.orgId,
  customerId: p.customerId,
  run: (fn) => withContact(db, p.orgId, p.customerId, fn),
  singleConnection: isPglite(db),
});

export type StatementHead = Awaited<ReturnType<typeof loadStatementHead>>;

/**
 * Everything a statement shows before its lines: who, which currency and period, the balance carried
 * in and the aging at `to`. Throws NOT_FOUND for a customer outside the scope, and the range codes.
 */
export async function loadStatementHead(tx: Tx, scope: StatementScope, query: StatementQuery) {
  const org = await loadOrganisation(tx, scope.orgId);
  const customer = await loadCustomerRecord(tx, scope.customerId);
  const today = clock.today(org.timeZone);
  const { from, to } = resolveRange(query, today);
  const currency = query.currency ?? customer.currency;
  const filter = { customerId: customer.id, currency };
  return {
    org,
    customer,
    today,
    from,
    to,
    currency,
    filter,
    currencies: await statementCurrencies(tx, customer.id, customer.currency),
    openingBalanceMinor: await openingBalance(tx, filter, from),
    aging: await agingAt(tx, filter, to),
  };
}
