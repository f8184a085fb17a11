import { and, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  CustomerPage,
  CustomerTotalsQuery,
  customerListQuery,
  ListTotals,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { customers } from "../../db/schema/index.js";
import { type KeysetOrder, keysetSql, type PagePlan, readPage, sortingOff } from "../../lists/keyset.js";

export type CustomerListQuery = z.output<typeof customerListQuery>;

/** The orders of the back-office customer list (issue 19, decision 058), each served by (org_id, key, id). */
export const customerOrders: Record<CustomerListQuery["sort"], KeysetOrder> = {
  name: { name: "name", key: customers.name, cast: "text", id: customers.id },
  created: { name: "created", key: customers.createdAt, cast: "timestamptz", id: customers.id },
};

/** The filters of the back-office customer list as one condition (page, totals and export read the same set). */
export function customerListWhere(orgId: string, f: CustomerTotalsQuery): SQL | undefined {
  const term = likeTerm(f.q);
  return and(
    eq(customers.orgId, orgId),
    f.archived === "all"
      ? undefined
      : f.archived === "true"
        ? isNotNull(customers.deletedAt)
        : isNull(customers.deletedAt),
    f.currency ? eq(customers.currency, f.currency) : undefined,
    term
      ? or(ilike(customers.name, term), ilike(customers.taxId, term), ilike(customers.email, term))
      : undefined,
  );
}

/** One keyset page of the organisation's customers, in the query's order, filtered. */
export function findCustomerListPage(tx: Tx, orgId: string, query: CustomerListQuery): Promise<CustomerPage> {
  const order = customerOrders[query.sort];
  return readPage(order, orgId, query, async (plan) => {
    // The list's last statement: sorting off until the transaction ends (keyset.ts, sortingOff). A search
    // walks the order's index filtering by the term, left after the page (decision 062).
    await sortingOff(tx);
    const rows = await customerListPageQuery(tx, orgId, query, plan);
    return rows.map(({ deletedAt, sortKey, ...r }) => ({
      item: { ...r, archivedAt: deletedAt?.toISOString() ?? null },
      key: sortKey,
      id: r.id,
    }));
  });
}

/** The statement of one plan of a page (what `findCustomerListPage` runs, and what the EXPLAIN test reads). */
export function customerListPageQuery(tx: Tx, orgId: string, query: CustomerListQuery, plan: PagePlan) {
  const ks = keysetSql(customerOrders[query.sort], plan);
  return tx
    .select({
      id: customers.id,
      kind: customers.kind,
      name: customers.name,
      taxId: customers.taxId,
      email: customers.email,
      currency: customers.currency,
      deletedAt: customers.deletedAt,
      // Qualified by hand: drizzle renders ${customers.id} as a bare "id", which inside the subquery is
      // the contact's own id (every customer listed 0 contacts).
      contactCount: sql<number>`(select count(*)::int from contacts c where c.customer_id = "customers"."id" and c.deleted_at is null)`,
      sortKey: ks.sortKey,
    })
    .from(customers)
    .where(and(customerListWhere(orgId, query), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
}

/** How many customers the filters match (customers have no amount to sum: `totals` is empty). */
export async function findCustomerListTotals(
  tx: Tx,
  orgId: string,
  filter: CustomerTotalsQuery,
): Promise<ListTotals> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(customers)
    .where(customerListWhere(orgId, filter));
  return { count: Number(row?.count ?? 0), totals: [] };
}
