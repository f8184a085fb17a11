import { and, eq, isNull } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as clock from "../../clock.js";
import type { Tx } from "../../db/client.js";
import { documentLinks } from "../../db/schema/index.js";

type VoidableTable = PgTable & { id: PgColumn; status: PgColumn; voidedAt: PgColumn; updatedAt: PgColumn };

/**
 * What voiding does to any kind once its own rules allowed it: the row turns void (keeping its number, so
 * no gap), and every personal link emailed for it stops working at once.
 */
export async function voidDocumentInTx<T extends VoidableTable>(
  tx: Tx,
  table: T,
  id: string,
): Promise<T["$inferSelect"]> {
  const now = clock.now();
  const [row] = await tx
    .update(table as PgTable)
    .set({ status: "void", voidedAt: now, updatedAt: now } as never)
    .where(eq(table.id, id))
    .returning();
  await tx
    .update(documentLinks)
    .set({ revokedAt: now })
    .where(and(eq(documentLinks.documentId, id), isNull(documentLinks.revokedAt)));
  return row as T["$inferSelect"];
}
