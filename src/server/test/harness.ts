import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
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
 * A fresh, migrated database per test file: PGlite in memory by default, or a new database on the
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
    database = await openDatabase({ dataDir: "memory://", loadDataDir: await migratedTemplate() });
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
      await database.close();
      await dropDatabase();
    },
  };
}

/** The migrated cluster global-setup.ts dumped for this run, if there is one. */
async function migratedTemplate(): Promise<Blob | undefined> {
  const file = inject("pgliteTemplate");
  return file ? new Blob([await readFile(file)]) : undefined;
}
