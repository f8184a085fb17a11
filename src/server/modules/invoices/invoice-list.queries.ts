import { and, eq, gte, ilike, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
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
import {
  inPageOrder,
  type KeysetOrder,
  keysetSql,
  type PagePlan,
  readPage,
  sortingOff,
} from "../../lists/keyset.js";
import { dueSql, openSql, overdueSql } from "../documents/document-facts.js";
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
    // A10's payment form reads these as one bounded list (findSummaries); totals and export filter alike.
    f.open ? and(openSql(), ne(invoices.kind, "credit_note")) : undefined,
    term
      ? sql`(${ilike(invoices.number, term)} or exists (select 1 from ${customers} c
          where c.id = ${invoices.customerId} and c.name ilike ${term}))`
      : undefined,
  );
}

/**
 * The statement choosing a page's ids (what `findInvoiceListPage` runs first, and what the EXPLAIN test
 * reads): on `invoices` alone, an ordered walk of the order's index left after `limit` entries, with each
 * one's key. Its rows are then read by id (`invoiceListRows`, decision 062).
 */
export function invoiceListPageQuery(
  tx: Tx,
  orgId: string,
  query: InvoiceListQuery,
  today: string,
  plan: PagePlan,
) {
  const ks = keysetSql(invoiceOrders[query.sort], plan);
  return tx
    .select({ id: invoices.id, sortKey: ks.sortKey })
    .from(invoices)
    .where(and(invoiceListWhere(orgId, query, today), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
}

/**
 * A page's invoices by id (primary-key probes, in no order), with their customer's name (a subquery per
 * row: joined, the planner read every invoice of the organisation's customers) and whether a payment is
 * processing.
 */
export function invoiceListRows(tx: Tx, orgId: string, ids: string[]) {
  return tx
    .select({
      inv: invoices,
      // Qualified by hand: in a one-table select drizzle renders a column bare (see customer-list.queries).
      customerName: sql<string>`(select c.name from ${customers} c where c.id = "invoices"."customer_id")`,
      processing: paymentProcessingSql(sql.raw(`"invoices"."id"`)),
    })
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), inArray(invoices.id, ids)));
}

/** One keyset page of the organisation's invoices, in the query's order, filtered. */
export function findInvoiceListPage(
  tx: Tx,
  orgId: string,
  query: InvoiceListQuery,
  today: string,
): Promise<InvoicePage> {
  return readPage(invoiceOrders[query.sort], orgId, query, async (plan) => {
    // The list's last statements: sorting off until the transaction ends (keyset.ts, sortingOff).
    await sortingOff(tx);
    const page = await invoiceListPageQuery(tx, orgId, query, today, plan);
    const ids = page.map((p) => p.id);
    const rows = ids.length ? await invoiceListRows(tx, orgId, ids) : [];
    return inPageOrder(page, rows, (r) => r.inv.id).map((p) => ({
      item: toSummary(p.row.inv, p.row.customerName, today, p.row.processing),
      key: p.sortKey,
      id: p.id,
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
