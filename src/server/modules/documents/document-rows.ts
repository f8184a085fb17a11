import { asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../http/errors.js";

/** A sales document's table (invoices, quotes, sales orders) and its lines' table. */
type DocumentTable = PgTable & { id: PgColumn };
type LineTable = PgTable & { position: PgColumn };

/** One document in the caller's scope; a row row-level security hides is as missing as one that is not. */
export async function findDocumentRow<T extends DocumentTable>(
  tx: Tx,
  table: T,
  id: string,
): Promise<T["$inferSelect"]> {
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return row as T["$inferSelect"];
}

/** Locks the row: the writes of one document (numbering, answers, payments, voiding) happen one at a time. */
export async function lockDocumentRow<T extends DocumentTable>(
  tx: Tx,
  table: T,
  id: string,
): Promise<T["$inferSelect"]> {
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND");
  return row as T["$inferSelect"];
}

/** A document's lines in their printed order. */
export async function findDocumentLines<T extends LineTable>(
  tx: Tx,
  table: T,
  documentIdColumn: PgColumn,
  documentId: string,
): Promise<T["$inferSelect"][]> {
  const rows = await tx
    .select()
    .from(table as PgTable)
    .where(eq(documentIdColumn, documentId))
    .orderBy(asc(table.position));
  return rows as T["$inferSelect"][];
}
