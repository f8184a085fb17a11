import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import * as clock from "../clock.js";
import { type Database, openDatabase } from "../db/client.js";
import { jobs } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { Mailer } from "../email/mailer.js";
import { setUpTestApp } from "../test/scenarios.js";
import { enqueueJob } from "./job-types.js";
import { EFFECT_TABLES_SQL, effectHandler } from "./test-effect.js";
import { testJobRunner } from "./test-support.js";

/**
 * Several processes on one PostgreSQL (decision 036). Skipped on PGlite: an in-process database cannot
 * be shared by two pools or two processes; run `npm run test:pg -- src/server/jobs/job-runner.pg.test.ts`.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const { ctx } = setUpTestApp("Workers");
const closers: (() => Promise<void>)[] = [];
afterEach(() => clock.resetClock());
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function secondPool(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: ctx.databaseUrl });
  closers.push(() => database.close());
  return database;
}

const effects = async () =>
  (
    await ctx.database.db.execute(sql`select
     (select count(*)::int from job_effects) as effects,
     (select count(*)::int from job_effect_runs) as runs`)
  ).rows[0] as { effects: number; runs: number };

describe.skipIf(!onPostgres)("the job runner on PostgreSQL", () => {
  test("two runners on two pools drain 200 jobs: each runs exactly once", async () => {
    const other = await secondPool();
    const seen: { worker: string; id: string }[] = [];
    const counting = (worker: string) => ({
      kind: "test.count",
      async run(_c: unknown, job: { id: string }) {
        seen.push({ worker, id: job.id });
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const a = testJobRunner(ctx, { handlers: [counting("a")], workerId: "a" });
    const b = testJobRunner(
      { database: other, config: ctx.config, mailer: new Mailer(ctx.config, other.db) },
      { handlers: [counting("b")], workerId: "b" },
    );
    await withSystem(ctx.database.db, async (tx) => {
      for (let n = 0; n < 200; n++) await enqueueJob(tx, { kind: "test.count", orgId: null, payload: { n } });
    });
    const [ranA, ranB] = await Promise.all([a.runDueJobs(), b.runDueJobs()]);
    expect(ranA + ranB).toBe(200);
    expect(new Set(seen.map((s) => s.id)).size).toBe(200);
    expect(seen).toHaveLength(200);
    // Both took part: the claims really raced.
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    const left = await withSystem(ctx.database.db, (tx) =>
      tx.select().from(jobs).where(eq(jobs.kind, "test.count")),
    );
    expect(left.every((j) => j.state === "done" && j.attempts === 1)).toBe(true);
  });

  test("a process killed (kill -9) mid-job: another runner finishes it and the effect happened once", async () => {
    await ctx.database.db.execute(EFFECT_TABLES_SQL);
    await withSystem(ctx.database.db, (tx) =>
      enqueueJob(tx, {
        kind: "test.effect",
        orgId: null,
        payload: { effectKey: "charge-1" },
        key: "charge-1",
      }),
    );
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/jobs/kill-nine-child.ts"], {
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, LEASE_MS: "2000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr?.on("data", (d) => {
      output += d;
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the child took no job: ${output}`)), 30_000);
      child.stdout?.on("data", (d) => {
        output += d;
        if (output.includes("EFFECT_WRITTEN")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill("SIGKILL");
    await exited;
    const [taken] = await withSystem(ctx.database.db, (tx) =>
      tx.select().from(jobs).where(eq(jobs.key, "charge-1")),
    );
    expect(taken).toMatchObject({ state: "running", lockedBy: "doomed-child", attempts: 1 });
    expect(await effects()).toEqual({ effects: 1, runs: 1 });

    const survivor = testJobRunner(ctx, { handlers: [effectHandler("survivor")] });
    // Within the dead process's lease nothing takes the job; after it, the survivor does.
    expect(await survivor.runDueJobs()).toBe(0);
    clock.advanceClock(3000);
    expect(await survivor.runDueJobs()).toBe(1);
    const [done] = await withSystem(ctx.database.db, (tx) =>
      tx.select().from(jobs).where(eq(jobs.key, "charge-1")),
    );
    expect(done).toMatchObject({ state: "done", attempts: 2 });
    expect(await effects()).toEqual({ effects: 1, runs: 2 });
  }, 60_000);
});
