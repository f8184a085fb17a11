import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startMigratedDump } from "./migrated-dump.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dumped, migrated PGlite data directory (a tar file, perhaps still being written: migrated-dump.ts), or "" on PostgreSQL. */
    pgliteTemplate: string;
    /** On PostgreSQL (TEST_DATABASE_URL), a migrated database each file's database is copied from. */
    postgresTemplate: string;
  }
}

/**
 * Migrate once per run, not once per test file (decision 030). On PGlite, a dump of one migrated cluster
 * that every worker loads (and then empties between its files, decision 035); it is made in a child
 * process while the workers start, or taken from the cache when the migrations are unchanged
 * (migrated-dump.ts, decision 061). On PostgreSQL, one migrated database that each worker copies with
 * `CREATE DATABASE … TEMPLATE` (and then empties between its files, decision 061). Either way the
 * harness still runs the migrator, which then finds nothing to do.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = await migratedPostgresTemplate(adminUrl);
    project.provide("pgliteTemplate", "");
    project.provide("postgresTemplate", template);
    return async () => {
      // The workers' copies (harness.ts keeps one or two per worker for the whole run), then the template.
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        const copies = await admin.query<{ name: string }>(
          "select datname as name from pg_database where starts_with(datname, $1)",
          [workerDatabasePrefix(template)],
        );
        for (const { name } of copies.rows) await admin.query(`drop database if exists ${name} with (force)`);
        await admin.query(`drop database if exists ${template} with (force)`);
      } finally {
        await admin.end();
      }
    };
  }
  // Started, not awaited: the workers start meanwhile and wait for the file when they need it (migrated-dump.ts).
  const dump = await startMigratedDump();
  project.provide("pgliteTemplate", dump.file);
  project.provide("postgresTemplate", "");
  return () => dump.done;
}

/** A new database on the server, migrated and closed again (a template must have no connections). */
async function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `portico_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Imported here: a PGlite run needs neither in this process (the dump is made in a child).
  const { openDatabase } = await import("../db/client.js");
  const { migrateDatabase } = await import("../db/migrate.js");
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return name;
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The prefix of the databases the workers copy from `template` (harness.ts), dropped at the end of the run. */
export const workerDatabasePrefix = (template: string) =>
  `${template.replace(/^portico_template_/, "portico_t_")}_`;
