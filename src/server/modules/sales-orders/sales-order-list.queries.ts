import { and, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type {
  ListTotals,
  SalesOrderListQuery,
  SalesOrderListSort,
  SalesOrderPage,
  SalesOrderTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { customers, salesOrders } from "../../db/schema/index.js";
import { documentOrders, sumByCurrency } from "../../lists/document-list.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
import { toSummary } from "./sales-orders.queries.js";

/** The orders of the back-office sales order list (issue 19, decision 058). */
export const salesOrderOrders: Record<SalesOrderListSort, KeysetOrder> = documentOrders(salesOrders);

/**
 * The filters of the back-office sales order list as one condition (page, totals and export read the same
 * set). The search matches the number, the customer's reference and name: join `customers`.
 */
export function salesOrderListWhere(orgId: string, f: SalesOrderTotalsQuery): SQL | undefined {
  const term = likeTerm(f.q);
  return and(
    eq(salesOrders.orgId, orgId),
    f.status ? eq(salesOrders.status, f.status) : undefined,
    f.customerId ? eq(salesOrders.customerId, f.customerId) : undefined,
    f.currency ? eq(salesOrders.currency, f.currency) : undefined,
    f.from ? gte(salesOrders.issueDate, f.from) : undefined,
    f.to ? lte(salesOrders.issueDate, f.to) : undefined,
    term
      ? or(ilike(salesOrders.number, term), ilike(salesOrders.reference, term), ilike(customers.name, term))
      : undefined,
  );
}

/** One keyset page of the organisation's sales orders, in the query's order, filtered. */
export function findSalesOrderListPage(
  tx: Tx,
  orgId: string,
  query: SalesOrderListQuery,
): Promise<SalesOrderPage> {
  const order = salesOrderOrders[query.sort];
  return readPage(order, orgId, query, async (plan) => {
    const ks = keysetSql(order, plan);
    const rows = await tx
      .select({ o: salesOrders, customerName: customers.name, sortKey: ks.sortKey })
      .from(salesOrders)
      .innerJoin(customers, eq(customers.id, salesOrders.customerId))
      .where(and(salesOrderListWhere(orgId, query), ks.where))
      .orderBy(...ks.orderBy)
      .limit(plan.limit);
    return rows.map((r) => ({ item: toSummary(r.o, r.customerName), key: r.sortKey, id: r.o.id }));
  });
}

/** The count and per-currency total of the whole filtered set. */
export function findSalesOrderListTotals(
  tx: Tx,
  orgId: string,
  filter: SalesOrderTotalsQuery,
): Promise<ListTotals> {
  return sumByCurrency(tx, {
    from: likeTerm(filter.q)
      ? sql`${salesOrders} inner join ${customers} on ${customers.id} = ${salesOrders.customerId}`
      : sql`${salesOrders}`,
    where: salesOrderListWhere(orgId, filter),
    currency: salesOrders.currency,
    amount: salesOrders.totalMinor,
  });
}
