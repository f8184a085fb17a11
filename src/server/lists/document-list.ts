import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { ListTotals } from "../../shared/contracts/list-page.js";
import type { Tx } from "../db/client.js";
import type { KeysetOrder } from "./keyset.js";

/** The columns of a sales document (invoice, quote, sales order) its list orders by. */
export interface DocumentListColumns {
  id: AnyColumn;
  issueDate: AnyColumn;
  number: AnyColumn;
  customerSnapshot: AnyColumn;
  totalMinor: AnyColumn;
  status: AnyColumn;
}

/**
 * The orders every sales document list has (decision 058), each key never NULL and served by an index on
 * (org_id, key, id): the issue date, the number (a draft has none: "" sorts first ascending), the
 * customer's name as the document froze it (its snapshot; a draft's is not frozen yet: ""), the total,
 * the stored status.
 */
export function documentOrders(c: DocumentListColumns) {
  return {
    date: { name: "date", key: c.issueDate, cast: "date", id: c.id },
    number: { name: "number", key: sql`coalesce(${c.number}, '')`, cast: "text", id: c.id },
    customer: {
      name: "customer",
      key: sql`coalesce(${c.customerSnapshot} ->> 'name', '')`,
      cast: "text",
      id: c.id,
    },
    amount: { name: "amount", key: c.totalMinor, cast: "bigint", id: c.id },
    status: { name: "status", key: c.status, cast: "text", id: c.id },
  } satisfies Record<string, KeysetOrder>;
}

/**
 * The count and per-currency sums of a filtered set, in one statement (decision 031): `amount` and
 * optionally `due` summed exactly (bigint sums read back as text).
 */
export async function sumByCurrency(
  tx: Tx,
  q: { from: SQL; where: SQL | undefined; currency: AnyColumn; amount: AnyColumn | SQL; due?: SQL },
): Promise<ListTotals> {
  const due = q.due ? sql`sum(${q.due})::text` : sql`null`;
  const result = await tx.execute(sql`select ${q.currency} as currency, count(*)::int as count,
      sum(${q.amount})::text as amount, ${due} as due
    from ${q.from} where ${q.where ?? sql`true`} group by 1 order by 1`);
  type Row = { currency: string; count: number; amount: string; due: string | null };
  const rows = (result as unknown as { rows: Row[] }).rows;
  return {
    count: rows.reduce((n, r) => n + Number(r.count), 0),
    totals: rows.map((r) => ({
      currency: r.currency,
      amountMinor: Number(r.amount),
      ...(r.due === null ? {} : { dueMinor: Number(r.due) }),
    })),
  };
}
