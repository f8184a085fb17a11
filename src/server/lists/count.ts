import { type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ListTotals } from "../../shared/contracts/list-page.js";
import type { Tx } from "../db/client.js";

/** The totals of a list without amounts (outbox, jobs): how many rows match its filters, no sums. */
export async function countWhere(tx: Tx, table: PgTable, where: SQL | undefined): Promise<ListTotals> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(table)
    .where(where ?? sql`true`);
  return { count: Number(row?.count ?? 0), totals: [] };
}
