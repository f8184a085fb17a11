/**
 * Tests only (recurring.pg.test.ts): a process that runs the recurring tick at CLOCK_AT and says
 * TICK_STARTED, so the test can `kill -9` it while its transaction waits for a lock the test holds.
 * DATABASE_URL names the test's PostgreSQL database.
 */
import * as clock from "../../clock.js";
import { loadConfig } from "../../config.js";
import { openDatabase } from "../../db/client.js";
import { Mailer } from "../../email/mailer.js";
import { runRecurringTick } from "./recurring-run.js";

const config = loadConfig({
  PUBLIC_URL: "https://portico.test",
  APP_SECRET: "test-secret-0123456789",
  DATABASE_URL: process.env.DATABASE_URL ?? "",
});
clock.setClock(process.env.CLOCK_AT ?? "");
const database = await openDatabase({ databaseUrl: config.databaseUrl });
const quiet = { info() {}, warn() {}, error() {} };
process.stdout.write("TICK_STARTED\n");
await runRecurringTick({ database, config, mailer: new Mailer(config, database.db), log: quiet });
process.stdout.write("TICK_DONE\n");
