import { and, eq, type SQL, sql } from "drizzle-orm";
import type {
  ListTotals,
  RecurringListQuery,
  RecurringTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { customers, recurringProfiles } from "../../db/schema/index.js";
import { sumByCurrency } from "../../lists/document-list.js";
import { type Keyed, type KeysetOrder, keysetSql } from "../../lists/keyset.js";

/**
 * The orders of the back-office recurring profile list (issue 19, decision 058). The next run of a
 * profile with none left (stopped, ended) sorts as 9999-12-31: last when soonest first. Next, name and
 * amount are served by (org_id, key, id); the customer's name is read through the join (a small list).
 */
export const recurringOrders: Record<RecurringListQuery["sort"], KeysetOrder> = {
  next: {
    name: "next",
    key: sql`coalesce(${recurringProfiles.nextDate}, '9999-12-31'::date)`,
    cast: "date",
    id: recurringProfiles.id,
  },
  name: { name: "name", key: recurringProfiles.name, cast: "text", id: recurringProfiles.id },
  customer: { name: "customer", key: customers.name, cast: "text", id: recurringProfiles.id },
  amount: { name: "amount", key: recurringProfiles.netMinor, cast: "bigint", id: recurringProfiles.id },
};

/** The list's filters as one condition (the page and the totals read the same set). */
export function recurringListWhere(orgId: string, f: RecurringTotalsQuery): SQL | undefined {
  return and(
    eq(recurringProfiles.orgId, orgId),
    f.status ? eq(recurringProfiles.status, f.status) : undefined,
    f.customerId ? eq(recurringProfiles.customerId, f.customerId) : undefined,
    f.currency ? eq(recurringProfiles.currency, f.currency) : undefined,
  );
}

export type ProfileListRow = { p: typeof recurringProfiles.$inferSelect; customerName: string };

/** The rows of one keyset page (`readPage`'s fetch), with their positions. */
export async function findRecurringRows(
  tx: Tx,
  orgId: string,
  query: RecurringListQuery,
  plan: Parameters<typeof keysetSql>[1],
): Promise<Keyed<ProfileListRow>[]> {
  const order = recurringOrders[query.sort];
  const ks = keysetSql(order, plan);
  const rows = await tx
    .select({ p: recurringProfiles, customerName: customers.name, sortKey: ks.sortKey })
    .from(recurringProfiles)
    .innerJoin(customers, eq(customers.id, recurringProfiles.customerId))
    .where(and(recurringListWhere(orgId, query), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
  return rows.map((r) => ({ item: { p: r.p, customerName: r.customerName }, key: r.sortKey, id: r.p.id }));
}

/** The count, and per currency the sum of one invoice's amount before taxes, over the filtered set. */
export function findRecurringTotals(tx: Tx, orgId: string, f: RecurringTotalsQuery): Promise<ListTotals> {
  return sumByCurrency(tx, {
    from: sql`${recurringProfiles}`,
    where: recurringListWhere(orgId, f),
    currency: recurringProfiles.currency,
    amount: recurringProfiles.netMinor,
  });
}
