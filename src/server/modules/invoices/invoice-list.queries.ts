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
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
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
    term ? sql`(${ilike(invoices.number, term)} or ${ilike(customers.name, term)})` : undefined,
  );
}

/** One keyset page of the organisation's invoices, in the query's order, filtered. */
export function findInvoiceListPage(
  tx: Tx,
  orgId: string,
  query: InvoiceListQuery,
  today: string,
): Promise<InvoicePage> {
  const order = invoiceOrders[query.sort];
  return readPage(order, orgId, query, async (plan) => {
    const ks = keysetSql(order, plan);
    const rows = await tx
      .select({
        inv: invoices,
        customerName: customers.name,
        processing: paymentProcessingSql(invoices.id),
        sortKey: ks.sortKey,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(and(invoiceListWhere(orgId, query, today), ks.where))
      .orderBy(...ks.orderBy)
      .limit(plan.limit);
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
  const joined = filter.q?.trim() !== undefined && filter.q.trim() !== "";
  return sumByCurrency(tx, {
    from: joined
      ? sql`${invoices} inner join ${customers} on ${customers.id} = ${invoices.customerId}`
      : sql`${invoices}`,
    where: invoiceListWhere(orgId, filter, today),
    currency: invoices.currency,
    amount: invoices.totalMinor,
    due: dueSql(),
  });
}
