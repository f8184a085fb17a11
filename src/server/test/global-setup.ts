import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dumped, migrated PGlite data directory (a tar file), or "" when tests run on PostgreSQL. */
    pgliteTemplate: string;
    /** On PostgreSQL (TEST_DATABASE_URL), a migrated database each file's database is copied from. */
    postgresTemplate: string;
  }
}

/**
 * Migrate once per run, not once per test file (decision 030). On PGlite, creating the cluster (initdb)
 * and migrating it costs about a second and a half per file, loading a dump of one migrated cluster a
 * third of that; so dump it and let every file's harness load the dump. On PostgreSQL, migrate one
 * database and let each file `CREATE DATABASE … TEMPLATE` it. Either way the harness still runs the
 * migrator, which then finds nothing to do.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = await migratedPostgresTemplate(adminUrl);
    project.provide("pgliteTemplate", "");
    project.provide("postgresTemplate", template);
    return () => adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
  }
  const dir = await mkdtemp(join(tmpdir(), "portico-test-template-"));
  const database = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await database.close();
  const file = join(dir, "migrated.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplate", "");
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

/** A new database on the server, migrated and closed again (a template must have no connections). */
async function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `portico_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
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
