import { and, eq, gte, ilike, lte, ne, type SQL, sql } from "drizzle-orm";
import type {
  ListTotals,
  QuoteListQuery,
  QuoteListSort,
  QuotePage,
  QuoteTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { customers, quotes } from "../../db/schema/index.js";
import { documentOrders, sumByCurrency } from "../../lists/document-list.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
import { statusCondition, toSummary } from "./quotes.queries.js";

/** The orders of the back-office quote list (issue 19, decision 058); "status" is the stored status. */
export const quoteOrders: Record<QuoteListSort, KeysetOrder> = documentOrders(quotes);

/**
 * The filters of the back-office quote list as one condition (page, totals and export read the same set):
 * superseded revisions only when their status is asked for. Reads `customers` (the search): join it.
 */
export function quoteListWhere(orgId: string, f: QuoteTotalsQuery, today: string): SQL | undefined {
  const term = likeTerm(f.q);
  return and(
    eq(quotes.orgId, orgId),
    f.status ? statusCondition(f.status, today) : ne(quotes.status, "superseded"),
    f.customerId ? eq(quotes.customerId, f.customerId) : undefined,
    f.currency ? eq(quotes.currency, f.currency) : undefined,
    f.from ? gte(quotes.issueDate, f.from) : undefined,
    f.to ? lte(quotes.issueDate, f.to) : undefined,
    term ? sql`(${ilike(quotes.number, term)} or ${ilike(customers.name, term)})` : undefined,
  );
}

/** One keyset page of the organisation's quotes, in the query's order, filtered. */
export function findQuoteListPage(
  tx: Tx,
  orgId: string,
  query: QuoteListQuery,
  today: string,
): Promise<QuotePage> {
  const order = quoteOrders[query.sort];
  return readPage(order, orgId, query, async (plan) => {
    const ks = keysetSql(order, plan);
    const rows = await tx
      .select({ q: quotes, customerName: customers.name, sortKey: ks.sortKey })
      .from(quotes)
      .innerJoin(customers, eq(customers.id, quotes.customerId))
      .where(and(quoteListWhere(orgId, query, today), ks.where))
      .orderBy(...ks.orderBy)
      .limit(plan.limit);
    return rows.map((r) => ({ item: toSummary(r.q, r.customerName, today), key: r.sortKey, id: r.q.id }));
  });
}

/** The count and per-currency total of the whole filtered set. */
export function findQuoteListTotals(
  tx: Tx,
  orgId: string,
  filter: QuoteTotalsQuery,
  today: string,
): Promise<ListTotals> {
  return sumByCurrency(tx, {
    from: likeTerm(filter.q)
      ? sql`${quotes} inner join ${customers} on ${customers.id} = ${quotes.customerId}`
      : sql`${quotes}`,
    where: quoteListWhere(orgId, filter, today),
    currency: quotes.currency,
    amount: quotes.totalMinor,
  });
}
