import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import * as clock from "../clock.js";
import { jobs } from "../db/schema/index.js";
import { withContact, withOrg, withSystem } from "../db/scope.js";
import { joinTeam } from "../modules/team/test-support.js";
import { buildCustomer } from "../test/factories.js";
import { setUpTestApp } from "../test/scenarios.js";
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffMs } from "./backoff.js";
import { enqueueJob, type JobHandler } from "./job-types.js";
import { testJobRunner } from "./test-support.js";

const { ctx, org, otherOrg } = setUpTestApp("Runner", "Elsewhere");
const db = () => ctx.database.db;
/** The clock runs on from `setClock`: a stored time is compared within this margin. */
const SLACK_MS = 10_000;
const near = (at: Date | undefined, expected: number) => {
  const t = at?.getTime() ?? 0;
  expect(t).toBeGreaterThanOrEqual(expected);
  expect(t).toBeLessThan(expected + SLACK_MS);
};

afterEach(() => clock.resetClock());

/** A handler that fails while `failing.on`, with an error that names a secret. */
function flaky(kind: string) {
  const failing = { on: true };
  const runs: string[] = [];
  const handler: JobHandler<{ n: number }> = {
    kind,
    maxAttempts: 3,
    async run(_ctx, job) {
      runs.push(job.id);
      if (failing.on) throw new Error("smtp://mailer:s3cret@mail.example.com said no; password=hunter2");
    },
  };
  return { handler, failing, runs };
}

const jobRow = async (key: string) =>
  (await withSystem(db(), (tx) => tx.select().from(jobs).where(eq(jobs.key, key))))[0];

const list = (cookie: string) =>
  ctx.app.inject({ url: "/api/background-jobs?limit=200", headers: { cookie } });
const retry = (cookie: string, id: string) =>
  ctx.app.inject({ method: "POST", url: `/api/background-jobs/${id}/retry`, headers: { cookie } });

describe("the job runner", () => {
  test("a failing job is retried with a growing backoff, then dead; staff see it and retry it", async () => {
    const { handler, failing, runs } = flaky("test.flaky");
    const runner = testJobRunner(ctx, { handlers: [handler] });
    await withOrg(db(), org.orgId, (tx) =>
      enqueueJob(tx, { kind: "test.flaky", orgId: org.orgId, payload: { n: 1 }, key: "flaky-1" }),
    );
    const first = clock.nowMs();
    expect(await runner.runDueJobs()).toBe(1);
    expect(await jobRow("flaky-1")).toMatchObject({ state: "queued", attempts: 1 });
    near((await jobRow("flaky-1"))?.runAt, first + BACKOFF_BASE_MS);
    // Not due yet: nothing runs.
    expect(await runner.runDueJobs()).toBe(0);
    clock.advanceClock(BACKOFF_BASE_MS + SLACK_MS);
    const second = clock.nowMs();
    expect(await runner.runDueJobs()).toBe(1);
    near((await jobRow("flaky-1"))?.runAt, second + 2 * BACKOFF_BASE_MS);
    clock.advanceClock(2 * BACKOFF_BASE_MS + SLACK_MS);
    expect(await runner.runDueJobs()).toBe(1);
    const dead = await jobRow("flaky-1");
    expect(dead).toMatchObject({ state: "dead", attempts: 3 });
    expect(runs).toHaveLength(3);
    clock.advanceClock(BACKOFF_CAP_MS);
    expect(await runner.runDueJobs()).toBe(0);

    // The dead-letter list: this organisation's, without the secret in the error.
    const shown = await list(org.cookie);
    expect(shown.statusCode, shown.body).toBe(200);
    const [row] = shown.json().items.filter((j: { id: string }) => j.id === dead?.id);
    expect(row).toMatchObject({ kind: "test.flaky", state: "dead", attempts: 3 });
    expect(row.lastError).toContain("said no");
    expect(row.lastError).not.toContain("s3cret");
    expect(row.lastError).not.toContain("hunter2");
    expect((await list(otherOrg.cookie)).json().items).toEqual([]);
    const staff = await joinTeam(ctx, org, "staff");
    expect((await list(staff.cookie)).statusCode).toBe(403);
    expect((await retry(staff.cookie, dead?.id as string)).statusCode).toBe(403);

    // Retry: another organisation's is not found, then the owner's puts it back; it runs and is done.
    const elsewhere = await retry(otherOrg.cookie, dead?.id as string);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().code).toBe("JOB_NOT_FOUND");
    const again = await retry(org.cookie, dead?.id as string);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ state: "queued", attempts: 0 });
    failing.on = false;
    expect(await runner.runDueJobs()).toBe(1);
    expect(await jobRow("flaky-1")).toMatchObject({ state: "done", attempts: 1 });
    const notDead = await retry(org.cookie, dead?.id as string);
    expect(notDead.statusCode).toBe(409);
    expect(notDead.json().code).toBe("JOB_NOT_DEAD");
    expect((await retry(org.cookie, "00000000-0000-4000-8000-000000000000")).json().code).toBe(
      "JOB_NOT_FOUND",
    );
    expect((await list(org.cookie)).json().items.some((j: { id: string }) => j.id === dead?.id)).toBe(false);
  });

  test("system jobs (no organisation) are not shown to organisations", async () => {
    const { handler } = flaky("test.system");
    const runner = testJobRunner(ctx, { handlers: [{ ...handler, maxAttempts: 1 }] });
    await withSystem(db(), (tx) =>
      enqueueJob(tx, { kind: "test.system", orgId: null, payload: {}, key: "sys-1" }),
    );
    await runner.runDueJobs();
    expect(await jobRow("sys-1")).toMatchObject({ state: "dead", orgId: null });
    const shown = (await list(org.cookie)).json().items as { kind: string }[];
    expect(shown.some((j) => j.kind === "test.system")).toBe(false);
  });

  test("a key makes an enqueue idempotent; a rolled-back enqueue leaves no job", async () => {
    const enqueue = (key: string) =>
      withOrg(db(), org.orgId, (tx) =>
        enqueueJob(tx, { kind: "test.once", orgId: org.orgId, payload: {}, key }),
      );
    await enqueue("once-1");
    await enqueue("once-1");
    const rows = await withSystem(db(), (tx) => tx.select().from(jobs).where(eq(jobs.kind, "test.once")));
    expect(rows).toHaveLength(1);
    await expect(
      withOrg(db(), org.orgId, async (tx) => {
        await enqueueJob(tx, { kind: "test.once", orgId: org.orgId, payload: {}, key: "rolled-back" });
        throw new Error("the caller fails");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await jobRow("rolled-back")).toBeUndefined();
    // A contact's transaction may enqueue its organisation's work, and reads none of the queue.
    const customer = await buildCustomer(ctx, org, "Queue Reader");
    const seen = await withContact(db(), org.orgId, customer.id, async (tx) => {
      await enqueueJob(tx, { kind: "test.once", orgId: org.orgId, payload: {}, key: "from-contact" });
      return tx.select().from(jobs);
    });
    expect(seen).toEqual([]);
    expect(await jobRow("from-contact")).toMatchObject({ orgId: org.orgId, state: "queued" });
    // Nor may an organisation enqueue work in another's name (row-level security).
    await expect(
      withOrg(db(), org.orgId, (tx) =>
        enqueueJob(tx, { kind: "test.once", orgId: otherOrg.orgId, payload: {}, key: "forged" }),
      ),
    ).rejects.toThrow();
  });

  test("a running job whose lease ended (its process died) is run again; one still leased is not", async () => {
    const start = clock.nowMs();
    const ran: string[] = [];
    const runner = testJobRunner(ctx, {
      handlers: [{ kind: "test.lease", run: async (_c, job) => void ran.push(job.id) }],
      leaseMs: 60_000,
    });
    await withOrg(db(), org.orgId, async (tx) => {
      for (const key of ["lease-gone", "lease-held"])
        await enqueueJob(tx, { kind: "test.lease", orgId: org.orgId, payload: {}, key });
    });
    // As another process would leave them: claimed, one lease over, the other still on.
    await db().execute(sql`update jobs set state = 'running', attempts = 1, locked_by = 'dead-process',
      locked_until = case key when 'lease-gone' then ${new Date(start - 1).toISOString()}::timestamptz
                              else ${new Date(start + 30_000).toISOString()}::timestamptz end
      where kind = 'test.lease'`);
    expect(await runner.runDueJobs()).toBe(1);
    const gone = await jobRow("lease-gone");
    expect(gone).toMatchObject({ state: "done", attempts: 2 });
    expect(ran).toEqual([gone?.id]);
    expect(await jobRow("lease-held")).toMatchObject({ state: "running", lockedBy: "dead-process" });
    clock.advanceClock(30_000 + SLACK_MS);
    expect(await runner.runDueJobs()).toBe(1);
    expect(await jobRow("lease-held")).toMatchObject({ state: "done" });
  });

  test("a periodic task runs once per period however many runners tick", async () => {
    // At the start of a minute, so the runs below stay in one period.
    clock.setClock(new Date(Math.ceil(clock.nowMs() / 60_000) * 60_000));
    let runs = 0;
    const task = { name: "test.tick", everyMs: 60_000, run: async () => void runs++ };
    const a = testJobRunner(ctx, { tasks: [task] });
    const b = testJobRunner(ctx, { tasks: [task] });
    await a.drain();
    await b.drain();
    await a.drain();
    expect(runs).toBe(1);
    clock.advanceClock(60_000);
    await b.drain();
    await a.drain();
    expect(runs).toBe(2);
  });

  test("the backoff doubles from its base and never exceeds its cap", () => {
    expect(backoffMs(1)).toBe(BACKOFF_BASE_MS);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (attempt) => {
        const wait = backoffMs(attempt);
        expect(wait).toBeGreaterThanOrEqual(BACKOFF_BASE_MS);
        expect(wait).toBeLessThanOrEqual(BACKOFF_CAP_MS);
        expect(backoffMs(attempt + 1)).toBe(Math.min(BACKOFF_CAP_MS, wait * 2));
      }),
    );
  });
});
