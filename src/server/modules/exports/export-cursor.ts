import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";

/** Rows a FETCH takes: enough to amortise a round trip, few enough that memory stays flat. */
export const EXPORT_BATCH = 1000;
let cursors = 0;

const isPglite = (db: Db) => (db as { $client?: unknown }).$client instanceof PGlite;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Calls `each` with every batch of `query`'s rows, read through one server-side cursor (the query runs
 * and sorts once), as the statement PDF does (decision 034). On PostgreSQL the cursor lives in one read
 * transaction held while the file is written (one pooled connection). On PGlite, whose one connection
 * every other request waits for, the cursor is declared WITH HOLD in a short transaction (its rows are
 * computed at that commit, in the organisation's scope: row-level security applies) and each FETCH runs
 * in a short transaction of its own, so other requests get in between batches; it is closed however the
 * export ends.
 */
export async function eachBatch<T>(
  db: Db,
  orgId: string,
  query: SQL,
  each: (batch: T[]) => Promise<void>,
): Promise<void> {
  cursors += 1;
  const name = sql.identifier(`list_export_${cursors}`);
  const fetch = async (tx: Tx) =>
    rowsOf<T>(await tx.execute(sql`fetch ${sql.raw(String(EXPORT_BATCH))} from ${name}`));
  if (!isPglite(db)) {
    await withOrg(db, orgId, async (tx) => {
      await tx.execute(sql`declare ${name} no scroll cursor for ${query}`);
      for (;;) {
        const batch = await fetch(tx);
        if (batch.length > 0) await each(batch);
        if (batch.length < EXPORT_BATCH) break;
      }
      await tx.execute(sql`close ${name}`);
    });
    return;
  }
  await withOrg(db, orgId, (tx) => tx.execute(sql`declare ${name} no scroll cursor with hold for ${query}`));
  try {
    for (;;) {
      const batch = await withOrg(db, orgId, fetch);
      if (batch.length > 0) await each(batch);
      if (batch.length < EXPORT_BATCH) break;
    }
  } finally {
    await withOrg(db, orgId, (tx) => tx.execute(sql`close ${name}`)).catch(() => undefined);
  }
}
