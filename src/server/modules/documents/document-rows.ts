import { asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../errors/errors.js";

/** A sales document's table (invoices, quotes, sales orders) and its lines' table. */
type DocumentTable = PgTable & { id: PgColumn };
type LineTable = PgTable & { position: PgColumn };

const selectById = (tx: Tx, table: DocumentTable, id: string) =>
  tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));

/** A row that row-level security hides answers as one that does not exist. */
async function oneOrNotFound<Row>(query: PromiseLike<unknown[]>): Promise<Row> {
  const [row] = await query;
  if (!row) throw new AppError("NOT_FOUND");
  return row as Row;
}

export const findDocumentRow = <T extends DocumentTable>(tx: Tx, table: T, id: string) =>
  oneOrNotFound<T["$inferSelect"]>(selectById(tx, table, id));

/** Locks the row: the writes of one document (numbering, answers, payments, voiding) happen one at a time. */
export const lockDocumentRow = <T extends DocumentTable>(tx: Tx, table: T, id: string) =>
  oneOrNotFound<T["$inferSelect"]>(selectById(tx, table, id).for("update"));

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
