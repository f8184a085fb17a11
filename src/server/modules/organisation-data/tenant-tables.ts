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
/**
 * Columns that hold a secret or the hash of one: left out of every exported row. `nonce`, `ciphertext`
 * and `tag` are a gateway's encrypted credentials (C8): even sealed, they stay on the server.
 */
export const SECRET_COLUMNS = [
  "password_hash",
  "token_hash",
  "secret_hash",
  "key_hash",
  "nonce",
  "ciphertext",
  "tag",
];
/**
 * Columns of text that may carry a live token (the emailed links: portal, invitation, reset): exported
 * with every token-like run (43 base64url characters for `newToken()`, so 40 or more, above a UUID's 36)
 * replaced by TOKEN_REMOVED.
 */
export const TOKEN_BEARING_COLUMNS = ["emails.text_body", "emails.html_body"];
export const TOKEN_REMOVED = "[token removed]";
export const redactTokens = (text: string) => text.replace(/[A-Za-z0-9_-]{40,}/g, TOKEN_REMOVED);

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
