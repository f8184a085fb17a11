import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dumped, migrated PGlite data directory (a tar file), or "" when tests run on PostgreSQL. */
    pgliteTemplate: string;
  }
}

/**
 * Creating PGlite's cluster (initdb) and migrating it costs about a second and a half per test file;
 * loading a dump of one migrated cluster costs a third of that. So migrate once per run, dump it, and
 * let every file's harness load the dump (it still runs the migrator, which then finds nothing to do).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return;
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
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
