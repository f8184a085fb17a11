import { type Column, getTableColumns, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema/index.js";

/**
 * Every tenant table: each drizzle table of the schema with an `org_id` column (and `organisations`
 * itself, by its `id`), found from the schema so a table added later is exported and deleted without
 * anyone remembering a list.
 */
export interface TenantTable {
  name: string;
  table: PgTable;
  /** The column naming the organisation: `org_id`, or `id` for `organisations`. */
  orgColumn: Column;
  /** JS key → column, as drizzle reads rows. */
  columns: Record<string, Column>;
}

/** Sessions are live credentials: never exported (they are deleted with the organisation). */
export const SESSION_TABLES = ["staff_sessions", "contact_sessions"];
/** Columns that hold a secret or the hash of one: left out of every exported row. */
export const SECRET_COLUMNS = ["password_hash", "token_hash", "secret_hash", "key_hash"];

const isTable = (value: unknown): value is PgTable => is(value, PgTable);

export const TENANT_TABLES: TenantTable[] = (Object.values(schema) as unknown[])
  .filter(isTable)
  .flatMap((table) => {
    const name = getTableConfig(table).name;
    const columns = getTableColumns(table) as Record<string, Column>;
    const orgColumn = Object.values(columns).find((c) =>
      name === "organisations" ? c.name === "id" : c.name === "org_id",
    );
    return orgColumn ? [{ name, table, orgColumn, columns }] : [];
  })
  .sort((a, b) => a.name.localeCompare(b.name));
