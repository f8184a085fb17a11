import { and, asc, desc, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { PortalInvoiceListQuery } from "../../../shared/contracts/index.js";
import { LOCAL_SETTINGS, type Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { invoiceLines, invoices } from "../../db/schema/index.js";
import { overdueSql } from "../documents/document-facts.js";
import { paymentProcessingSql } from "../invoices/invoices.service.js";
import type { InvoiceCursor } from "./invoice-cursor.js";

type InvoiceRow = typeof invoices.$inferSelect;
/** A page's row: the invoice and whether a payment of it is processing (issue 13). */
type InvoicePageRow = InvoiceRow & { paymentProcessing: boolean };

/** An invoice without a due date sorts as due last (ascending): it is never due. */
const NEVER_DUE = "9999-12-31";

/** The sort key of each order, as SQL and as read from a row (they must agree for the cursor). */
const sortKey = {
  date: { sql: sql`${invoices.issueDate}`, cast: sql`::date`, of: (r: InvoiceRow) => r.issueDate },
  due: {
    sql: sql`coalesce(${invoices.dueDate}, ${NEVER_DUE}::date)`,
    cast: sql`::date`,
    of: (r: InvoiceRow) => r.dueDate ?? NEVER_DUE,
  },
  amount: { sql: sql`${invoices.totalMinor}`, cast: sql`::bigint`, of: (r: InvoiceRow) => r.totalMinor },
} as const;

export const cursorKeyOf = (sort: PortalInvoiceListQuery["sort"], row: InvoiceRow) => sortKey[sort].of(row);

/**
 * One keyset page of a customer's invoices (E3): ordered by the sort key then the id (unique, so ties on
 * amount or date never repeat or skip a row), resuming strictly after the cursor's (key, id) — a row
 * comparison the index can seek to, never an OFFSET that reads and throws away every earlier row.
 * Reads `limit + 1` rows so the caller knows whether another page exists.
 *
 * Newest first (the portal's first page), the ids are an ordered walk of `invoices_listed_issue_idx`,
 * left after `limit + 1` entries however many invoices the customer has (issue 14, decision 032). The
 * row-level security filter makes the planner think few rows match, so near 5,000 invoices it may rather
 * read all of the customer's and sort them; sorting is switched off for that one statement, which leaves
 * it the walk (a sort it cannot avoid, as with a search, still happens).
 *
 * The switch is `set_config(…, true)`: it lasts until the transaction ends, and is not switched back on
 * (decision 048), so this must be the last statement of its transaction that could sort — it is, in
 * `listPortalInvoices`. With sorting off the planner still sorts when no other plan exists: answers never
 * change, only plan choices of later statements would.
 */
export async function findInvoicePage(
  tx: Tx,
  scope: { orgId: string; customerId: string; today: string },
  query: PortalInvoiceListQuery,
  cursor: InvoiceCursor | null,
): Promise<InvoicePageRow[]> {
  const ids = invoicePageIds(tx, scope, query, cursor);
  const walk = query.sort === "date";
  // LOCAL_SETTINGS: sent in one write with the page's statement on PostgreSQL (decision 064).
  if (walk) await tx.execute(sql.raw(`${LOCAL_SETTINGS}select set_config('enable_sort', 'off', true)`));
  const rows: InvoicePageRow[] = await tx
    .select({
      ...getTableColumns(invoices),
      // Qualified by hand: drizzle leaves a one-table query's columns bare, which the subquery would misread.
      paymentProcessing: paymentProcessingSql(sql`${invoices}."id"`),
    })
    .from(invoices)
    // `= any(array(…))`: the page's ids are chosen once (an init plan) and then fetched by primary key.
    // `in (…)` let the planner re-run the limited walk for every invoice of the customer (a semi join).
    .where(sql`${invoices.id} = any(array(${ids}))`);
  // The page's order, as the ids were chosen (keys compare as PostgreSQL compares them: ISO dates and
  // lower-case UUIDs as text, amounts as numbers).
  const key = sortKey[query.sort];
  const sign = query.dir === "asc" ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => sign * (compare(key.of(a), key.of(b)) || compare(a.id, b.id)));
}

/** The ids of one page, in order: `findInvoicePage`'s choice of rows (and what the EXPLAIN test reads). */
export function invoicePageIds(
  tx: Tx,
  scope: { orgId: string; customerId: string; today: string },
  query: PortalInvoiceListQuery,
  cursor: InvoiceCursor | null,
) {
  const key = sortKey[query.sort];
  const term = likeTerm(query.q);
  const conditions: (SQL | undefined)[] = [
    // Named explicitly (RLS also applies) so the planner can use the (org, customer, kind, …) indexes.
    eq(invoices.orgId, scope.orgId),
    eq(invoices.customerId, scope.customerId),
    // Literals, not parameters: a generic plan (decision 041) can use the partial index
    // `invoices_listed_issue_idx` only when it sees `status <> 'draft'` itself (decision 048).
    sql`${invoices.status} <> 'draft'`,
    query.kind ? eq(invoices.kind, query.kind) : sql`${invoices.kind} in ('invoice', 'retainer')`,
    statusCondition(query.status, scope.today),
    term
      ? or(
          ilike(invoices.number, term),
          ilike(invoices.notes, term),
          sql`exists (select 1 from ${invoiceLines} l where l.invoice_id = ${invoices.id} and l.description ilike ${term})`,
        )
      : undefined,
  ];
  if (cursor) {
    const op = query.dir === "asc" ? sql`>` : sql`<`;
    conditions.push(sql`(${key.sql}, ${invoices.id}) ${op} (${cursor.key}${key.cast}, ${cursor.id}::uuid)`);
  }
  const order = query.dir === "asc" ? asc : desc;
  return tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(...conditions))
    .orderBy(order(key.sql), order(invoices.id))
    .limit(query.limit + 1);
}

/** "overdue" is read, not stored: open, with a due date before today (credit notes are never due). */
function statusCondition(status: PortalInvoiceListQuery["status"], today: string): SQL | undefined {
  if (!status) return undefined;
  if (status === "overdue") return overdueSql(today);
  return eq(invoices.status, status);
}
