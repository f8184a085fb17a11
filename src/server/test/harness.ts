import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { type App, type AppDeps, buildApp } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { Mailer } from "../email/mailer.js";
import { adminQuery } from "./global-setup.js";

export interface TestContext {
  app: App;
  database: Database;
  config: Config;
  mailer: Mailer;
  /** The PostgreSQL database of this file (npm run test:pg), for a second app on the same data. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export const TEST_PUBLIC_URL = "https://portico.test";

/**
 * A fresh, migrated database per test file: PGlite in memory by default (this worker's, emptied again), or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (npm run test:pg), dropped afterwards. Both start from
 * the one migrated in global-setup.ts (a dump to load, a template to copy).
 */
export async function createTestContext(
  env: Record<string, string> = {},
  extend?: (app: App, database: Database) => void,
  options: Pick<AppDeps, "logger"> = {},
): Promise<TestContext> {
  const config = loadConfig({ PUBLIC_URL: TEST_PUBLIC_URL, APP_SECRET: "test-secret-0123456789", ...env });
  const adminUrl = process.env.TEST_DATABASE_URL;
  let dropDatabase = async () => {};
  let database: Database;
  let databaseUrl: string | undefined;
  if (adminUrl) {
    const name = `portico_t_${randomBytes(6).toString("hex")}`;
    // A copy of the database global-setup.ts migrated for this run.
    await adminQuery(adminUrl, `create database ${name} template ${inject("postgresTemplate")}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    database = await openDatabase({ databaseUrl });
    dropDatabase = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  } else {
    database = await reusedPglite();
  }
  await migrateDatabase(database);
  const mailer = new Mailer(config, database.db);
  const app = await buildApp({ database, config, mailer, ...options });
  extend?.(app, database);
  await app.ready();
  return {
    app,
    database,
    config,
    mailer,
    databaseUrl,
    async close() {
      await app.close();
      mailer.close();
      if (adminUrl) await database.close();
      else idlePglite.push(database); // reset and handed to this worker's next file
      await dropDatabase();
    },
  };
}

/**
 * The PGlite databases of this worker that no file holds (decision 035). Files run one after another in a
 * worker and keep its modules (vitest.config.ts), so the next file takes one back, emptied by
 * `resetPglite`, instead of loading the 42 MB dump again; a file that holds two databases at once gets
 * a second one from the dump.
 */
const idlePglite: Database[] = [];

async function reusedPglite(): Promise<Database> {
  for (let database = idlePglite.pop(); database; database = idlePglite.pop()) {
    if (pgliteOf(database).closed) continue; // a file closed it itself
    await resetPglite(database);
    return database;
  }
  const database = await openDatabase({ dataDir: "memory://", loadDataDir: await migratedTemplate() });
  seeded ??= await seededRows(database);
  return database;
}

const pgliteOf = (database: Database) => (database.db as unknown as { $client: PGlite }).$client;

/** Rows the migrations themselves insert (none today), per table, kept from the first copy to put back. */
let seeded: Map<string, string> | undefined;

/** Every table of the application's schemas (drizzle's record of migrations excepted). */
const TABLES = `select format('%I.%I', schemaname, tablename) as name from pg_tables
  where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') order by 1`;

async function seededRows(database: Database): Promise<Map<string, string>> {
  const client = pgliteOf(database);
  const rows = new Map<string, string>();
  for (const { name } of (await client.query<{ name: string }>(TABLES)).rows) {
    const r = await client.query<{ rows: string | null }>(`select json_agg(t)::text as rows from ${name} t`);
    if (r.rows[0]?.rows) rows.set(name, r.rows[0].rows);
  }
  return rows;
}

/**
 * Back to the state the dump had: the session reset (settings, role, listeners), every table emptied and
 * every sequence at its start, then the migrations' own rows put back. A file writes to a few of about a
 * hundred tables, so one query finds those with rows, and they are emptied with `delete` (foreign keys
 * and triggers off for it, `session_replication_role = replica`: every table with rows is emptied
 * anyway): 10–50 ms of CPU per file, where truncating every table (a new file for each table and index)
 * took 100–200 ms (decision 054). When a table has grown past a few pages, every table is truncated as
 * before instead, so that dead rows do not pile up over a worker's files and the planner sees the
 * tables as the dump had them (a handful of files, e.g. the EXPLAIN test's thousands of invoices).
 */
async function resetPglite(database: Database): Promise<void> {
  const client = pgliteOf(database);
  await client.exec("discard all");
  tables ??= (await client.query<{ name: string }>(TABLES)).rows.map((r) => r.name);
  nonEmpty ??= nonEmptyQuery(tables);
  const found = (await client.query<{ name: string; bytes: number }>(nonEmpty)).rows;
  const large = found.some((r) => Number(r.bytes) >= TRUNCATE_FROM_BYTES);
  const all = tables;
  await client.transaction(async (tx) => {
    if (large && all.length > 0) await tx.exec(`truncate ${all.join(", ")} restart identity cascade`);
    else if (found.length > 0) {
      const deletes = found.map((r) => `delete from ${r.name};`).join(" ");
      await tx.exec(`set local session_replication_role = replica; ${deletes}`);
    }
    await tx.exec(`select setval(s.seqrelid, s.seqstart, false) from pg_sequence s
      join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema', 'drizzle')`);
    for (const [name, rows] of seeded ?? []) {
      await tx.query(`insert into ${name} select * from json_populate_recordset(null::${name}, $1)`, [rows]);
    }
  });
}

/** Past this size (eight pages) in one table, the reset truncates every table rather than delete. */
const TRUNCATE_FROM_BYTES = 8 * 8192;

/** The application's tables, and one query naming those that have a row with their size (both once per worker: tests leave the schema as it was). */
let tables: string[] | undefined;
let nonEmpty: string | undefined;
const nonEmptyQuery = (names: string[]) =>
  names
    .map(
      (name) =>
        `select '${name}' as name, pg_relation_size('${name}') as bytes where exists (select from ${name})`,
    )
    .join(" union all ");

/**
 * The migrated cluster global-setup.ts dumped for this run, if there is one. Outside Vitest (the benches
 * under bench/ build their worlds with this harness) there is none: the database is migrated from empty.
 */
async function migratedTemplate(): Promise<Blob | undefined> {
  const file = process.env.VITEST ? inject("pgliteTemplate") : undefined;
  return file ? new Blob([await readFile(file)]) : undefined;
}
