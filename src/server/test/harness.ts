import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type App, type AppDeps, buildApp } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { Mailer } from "../email/mailer.js";
import { adminQuery, workerDatabasePrefix } from "./global-setup.js";
import { waitForDump } from "./migrated-dump.js";

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
  let handBack = () => {};
  let database: Database;
  let databaseUrl: string | undefined;
  if (adminUrl) {
    const held = await reusedPostgres(adminUrl);
    databaseUrl = held.url;
    database = await openDatabase({ databaseUrl });
    handBack = () => {
      idlePostgres.push(held);
    };
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
      if (adminUrl) {
        await database.close();
        handBack(); // reset and handed to this worker's next file
      } else idlePglite.push(database); // reset and handed to this worker's next file
    },
  };
}

/**
 * The PGlite databases of this worker that no file holds (decision 035). Files run one after another in a
 * worker and keep its modules (vitest.config.ts), so the next file takes one back, emptied by
 * `resetDatabase`, instead of loading the 42 MB dump again; a file that holds two databases at once gets
 * a second one from the dump.
 */
const idlePglite: Database[] = [];

async function reusedPglite(): Promise<Database> {
  for (let database = idlePglite.pop(); database; database = idlePglite.pop()) {
    const client = pgliteOf(database);
    if (client.closed) continue; // a file closed it itself
    await client.exec("discard all"); // session settings, role, listeners
    await resetDatabase(client, "pglite");
    return database;
  }
  const database = await openDatabase({ dataDir: "memory://", loadDataDir: await migratedTemplate() });
  seeded.pglite ??= await seededRows(pgliteOf(database));
  return database;
}

const pgliteOf = (database: Database) => (database.db as unknown as { $client: PGlite }).$client;

/**
 * The same on PostgreSQL (npm run test:pg, decision 061): each worker keeps the databases it copied from
 * global-setup.ts's template and hands them to its next files, emptied by `resetDatabase`, instead of a
 * `CREATE DATABASE … TEMPLATE` (0.5–0.75 s of the server's time under load) and a drop per file. A file's
 * own connections are closed when it hands its database back; any left (a child process a test killed)
 * are ended before the reset. global-setup.ts drops them all at the end of the run.
 */
interface HeldPostgres {
  name: string;
  url: string;
}
const idlePostgres: HeldPostgres[] = [];

async function reusedPostgres(adminUrl: string): Promise<HeldPostgres> {
  const held = idlePostgres.pop();
  if (held) {
    await withPgClient(held.url, async (client) => {
      await client.query(`select pg_terminate_backend(pid, 5000) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`);
      await resetDatabase(queryable(client), "postgres");
    });
    return held;
  }
  const template = inject("postgresTemplate");
  // A copy of the database global-setup.ts migrated for this run, named after it so that its teardown finds it.
  const name = `${workerDatabasePrefix(template)}${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const created = { name, url: url.toString() };
  seeded.postgres ??= await withPgClient(created.url, (client) => seededRows(queryable(client)));
  return created;
}

async function withPgClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** What both drivers offer the reset: one statement with rows back, and several in one text without parameters. */
interface Queryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(text: string): Promise<unknown>;
}

/** A pg.Client as a `Queryable` (its `query` runs several statements when given no parameters). */
const queryable = (client: pg.Client): Queryable => ({
  query: async <R>(text: string, params?: unknown[]) => ({
    rows: (await client.query(text, params)).rows as R[],
  }),
  exec: (text: string) => client.query(text),
});

/** Rows the migrations themselves insert (none today), per table, kept from the first copy to put back. */
const seeded: { pglite?: Map<string, string>; postgres?: Map<string, string> } = {};

/** Every table of the application's schemas (drizzle's record of migrations excepted). */
const TABLES = `select format('%I.%I', schemaname, tablename) as name from pg_tables
  where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') order by 1`;

async function seededRows(client: Queryable): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  for (const { name } of (await client.query<{ name: string }>(TABLES)).rows) {
    const r = await client.query<{ rows: string | null }>(`select json_agg(t)::text as rows from ${name} t`);
    if (r.rows[0]?.rows) rows.set(name, r.rows[0].rows);
  }
  return rows;
}

/**
 * Back to the state the dump or template had: every table emptied and every sequence at its start, then
 * the migrations' own rows put back (the session is reset by the caller: `discard all` on PGlite, a new
 * connection on PostgreSQL). A file writes to a few of about a hundred tables, so one query finds those
 * with rows, and they are emptied with `delete` (foreign keys and triggers off for it,
 * `session_replication_role = replica`: every table with rows is emptied anyway): 10–50 ms of CPU per
 * file, where truncating every table (a new file for each table and index) took 100–200 ms (decision
 * 054). When a table has grown past a few pages, every table is truncated as before instead, so that
 * dead rows do not pile up over a worker's files and the planner sees the tables as the dump had them (a
 * handful of files, e.g. the EXPLAIN test's thousands of invoices).
 */
async function resetDatabase(client: Queryable, kind: "pglite" | "postgres"): Promise<void> {
  if (!tables[kind]) {
    const names = (await client.query<{ name: string }>(TABLES)).rows.map((r) => r.name);
    tables[kind] = { all: names, nonEmpty: nonEmptyQuery(names) };
  }
  const { all, nonEmpty } = tables[kind];
  const found = (await client.query<{ name: string; bytes: number }>(nonEmpty)).rows;
  const large = found.some((r) => Number(r.bytes) >= TRUNCATE_FROM_BYTES);
  const empty =
    large && all.length > 0
      ? `truncate ${all.join(", ")} restart identity cascade;`
      : found.length > 0
        ? `set local session_replication_role = replica; ${found.map((r) => `delete from ${r.name};`).join(" ")}`
        : "";
  // One round trip for the whole reset (PGlite pays a fixed cost per query).
  await client.exec(`begin; ${empty} select setval(s.seqrelid, s.seqstart, false) from pg_sequence s
    join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema', 'drizzle');`);
  try {
    for (const [name, rows] of seeded[kind] ?? []) {
      await client.query(`insert into ${name} select * from json_populate_recordset(null::${name}, $1)`, [
        rows,
      ]);
    }
    await client.exec("commit");
  } catch (error) {
    await client.exec("rollback");
    throw error;
  }
}

/** Past this size (eight pages) in one table, the reset truncates every table rather than delete. */
const TRUNCATE_FROM_BYTES = 8 * 8192;

/** The application's tables (once per worker and driver: tests leave the schema as it was), and one query naming those that have a row with their size. */
const tables: Partial<Record<"pglite" | "postgres", { all: string[]; nonEmpty: string }>> = {};
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
  if (!file) return undefined;
  await waitForDump(file);
  return new Blob([await readFile(file)]);
}
