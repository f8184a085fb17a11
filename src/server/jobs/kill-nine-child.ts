/**
 * Tests only (job-runner.pg.test.ts): a process that takes the due `test.effect` job, writes its effect,
 * says EFFECT_WRITTEN and then hangs, so the test can `kill -9` it mid-job. DATABASE_URL names the
 * test's PostgreSQL database.
 */
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { Mailer } from "../email/mailer.js";
import { JobRunner } from "./job-runner.js";
import { effectHandler } from "./test-effect.js";

const config = loadConfig({
  PUBLIC_URL: "https://portico.test",
  APP_SECRET: "test-secret-0123456789",
  DATABASE_URL: process.env.DATABASE_URL ?? "",
});
const database = await openDatabase({ databaseUrl: config.databaseUrl });
const quiet = { info() {}, warn() {}, error() {} };
const runner = new JobRunner(
  { database, config, mailer: new Mailer(config, database.db), log: quiet },
  {
    leaseMs: Number(process.env.LEASE_MS ?? 2000),
    workerId: "doomed-child",
    handlers: [
      effectHandler("doomed-child", async () => {
        process.stdout.write("EFFECT_WRITTEN\n");
        // Hang here (a timer keeps the process alive) until the test kills it.
        await new Promise(() => setInterval(() => {}, 1000));
      }),
    ],
  },
);
await runner.runDueJobs();
