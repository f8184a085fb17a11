import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

/**
 * A row of `table` from a raw result (`tx.execute`), keyed by its SQL column names as the driver gives
 * them: mapped the way drizzle maps a select (dates, json), so both read alike.
 */
export function tableRowOf<T extends Table>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}
