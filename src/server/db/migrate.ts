import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Database } from "./client.js";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies the committed SQL migrations (drizzle-kit output) as the connecting (owner) role. When the
 * database already has the journal's last migration (the usual start), one query says so and the
 * migrator (which reads and hashes every migration file) is not loaded at all (decision 035).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  // biome-ignore lint/suspicious/noExplicitAny: the migrators are typed per driver; the Db is the same object.
  const db = database.db as any;
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db, { migrationsFolder });
  }
}

/**
 * True when drizzle's own record of applied migrations ends at the journal's last entry. The migrator
 * applies exactly the journal entries newer than that record's latest `created_at` (the entry's `when`),
 * so equal means it would do nothing. A missing record (a new database) is not up to date.
 */
async function upToDate(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: { when: number }[];
  };
  const last = journal.entries.at(-1)?.when;
  if (last === undefined) return false;
  try {
    const { rows } = (await database.db.execute(
      sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
    )) as { rows: { latest: unknown }[] };
    return Number(rows[0]?.latest) === last;
  } catch {
    return false; // no drizzle schema or table yet: a new database
  }
}
