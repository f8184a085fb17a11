import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../errors/errors.js";

/** Where a kind keeps its drafts: its header table, its lines table and the lines' column naming the header. */
export interface DraftTables {
  table: PgTable & { id: PgColumn };
  lines: PgTable;
  /** The lines' foreign key, as a column (to delete by) and as its property name (to insert with). */
  lineDocumentId: PgColumn;
  lineDocumentKey: string;
}

/**
 * The half of saving a priced draft every kind shares, once its own rules have built the header: an
 * existing draft gets the new header and its lines replaced; a new one is inserted with the kind's first
 * values (`created`: series, origin). Lines are written in the order given, each carrying the
 * organisation, the customer (for the contact-scope policies) and the document's id.
 */
export async function saveDraftRows(
  tx: Tx,
  tables: DraftTables,
  draft: {
    orgId: string;
    customerId: string;
    existingId: string | null;
    header: Record<string, unknown>;
    created: () => Promise<Record<string, unknown>>;
    lines: Record<string, unknown>[];
  },
): Promise<string> {
  let id: string;
  if (draft.existingId) {
    id = draft.existingId;
    await tx.update(tables.table).set(draft.header).where(eq(tables.table.id, id));
    await tx.delete(tables.lines).where(eq(tables.lineDocumentId, id));
  } else {
    const values = { ...draft.header, orgId: draft.orgId, ...(await draft.created()) };
    const [row] = await tx
      .insert(tables.table)
      .values(values as never)
      .returning({ id: tables.table.id });
    if (!row) throw new AppError("INTERNAL");
    id = row.id as string;
  }
  if (draft.lines.length > 0)
    await tx.insert(tables.lines).values(
      draft.lines.map((line) => ({
        ...line,
        orgId: draft.orgId,
        customerId: draft.customerId,
        [tables.lineDocumentKey]: id,
      })) as never,
    );
  return id;
}
