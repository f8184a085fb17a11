import { and, eq, gte, ilike, lte, type SQL, sql } from "drizzle-orm";
import type {
  InvoiceListQuery,
  InvoiceListSort,
  InvoicePage,
  InvoiceTotalsQuery,
  ListTotals,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { customers, invoices } from "../../db/schema/index.js";
import { documentOrders, sumByCurrency } from "../../lists/document-list.js";
import { type KeysetOrder, keysetSql, type PagePlan, readPage } from "../../lists/keyset.js";
import { dueSql, overdueSql } from "../documents/document-facts.js";
import { paymentProcessingSql, toSummary } from "./invoices.queries.js";

/** An invoice without a due date sorts as due last (ascending): it is never due. */
const NEVER_DUE = sql.raw(`'9999-12-31'::date`);

/**
 * The orders of the back-office invoice list (issue 19, decision 058): a sales document's, and the due
 * date (an invoice without one sorts as due last ascending: it is never due).
 */
export const invoiceOrders: Record<InvoiceListSort, KeysetOrder> = {
  ...documentOrders(invoices),
  due: { name: "due", key: sql`coalesce(${invoices.dueDate}, ${NEVER_DUE})`, cast: "date", id: invoices.id },
};

/**
 * The filters of the back-office invoice list as one condition (the page, the totals and the export read
 * the same set). The organisation is named explicitly (RLS also applies) so the planner can use the
 * (org_id, …) indexes. Reads `customers` (the search matches the customer's name): join it.
 */
export function invoiceListWhere(orgId: string, f: InvoiceTotalsQuery, today: string): SQL | undefined {
  const term = likeTerm(f.q);
  return and(
    eq(invoices.orgId, orgId),
    f.status ? eq(invoices.status, f.status) : undefined,
    f.kind ? eq(invoices.kind, f.kind) : undefined,
    f.customerId ? eq(invoices.customerId, f.customerId) : undefined,
    f.currency ? eq(invoices.currency, f.currency) : undefined,
    f.from ? gte(invoices.issueDate, f.from) : undefined,
    f.to ? lte(invoices.issueDate, f.to) : undefined,
    f.overdue ? overdueSql(today) : undefined,
    term
      ? sql`(${ilike(invoices.number, term)} or exists (select 1 from ${customers} c
          where c.id = ${invoices.customerId} and c.name ilike ${term}))`
      : undefined,
  );
}

/**
 * The statement of one plan of a page (what `findInvoiceListPage` runs, and what the EXPLAIN test reads).
 * The page's ids are chosen on `invoices` alone (an ordered walk of the order's index, left after `limit`
 * entries), then fetched with their customer: joined in the walk, the planner preferred reading every
 * invoice of the organisation's customers and sorting them.
 */
export function invoiceListPageQuery(
  tx: Tx,
  orgId: string,
  query: InvoiceListQuery,
  today: string,
  plan: PagePlan,
) {
  const ks = keysetSql(invoiceOrders[query.sort], plan);
  const ids = tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(invoiceListWhere(orgId, query, today), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
  return tx
    .select({
      inv: invoices,
      customerName: customers.name,
      processing: paymentProcessingSql(invoices.id),
      sortKey: ks.sortKey,
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(sql`${invoices.id} = any(array(${ids}))`)
    .orderBy(...ks.orderBy);
}

/** One keyset page of the organisation's invoices, in the query's order, filtered. */
export function findInvoiceListPage(
  tx: Tx,
  orgId: string,
  query: InvoiceListQuery,
  today: string,
): Promise<InvoicePage> {
  return readPage(invoiceOrders[query.sort], orgId, query, async (plan) => {
    // As the portal's page (decision 048): the row-level security filter makes the planner think few rows
    // match and rather sort all of the organisation's invoices; sorting off leaves it the index walk. It
    // lasts until the transaction ends: this is the list's last statement.
    await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
    const rows = await invoiceListPageQuery(tx, orgId, query, today, plan);
    return rows.map((r) => ({
      item: toSummary(r.inv, r.customerName, today, r.processing),
      key: r.sortKey,
      id: r.inv.id,
    }));
  });
}

/**
 * The count and per-currency sums of the whole filtered set (not a page): the total and what is still
 * owed, exact (bigint sums read as text).
 */
export async function findInvoiceListTotals(
  tx: Tx,
  orgId: string,
  filter: InvoiceTotalsQuery,
  today: string,
): Promise<ListTotals> {
  return sumByCurrency(tx, {
    from: sql`${invoices}`,
    where: invoiceListWhere(orgId, filter, today),
    currency: invoices.currency,
    amount: invoices.totalMinor,
    due: dueSql(),
  });
}
