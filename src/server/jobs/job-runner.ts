import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import * as clock from "../clock.js";
import type { Tx } from "../db/client.js";
import { detachedFromRequest, withSystem } from "../db/scope.js";
import { backoffMs } from "./backoff.js";
import { enqueueJob } from "./enqueue-job.js";
import type { JobContext, JobHandler, PeriodicTask } from "./job-types.js";

export interface JobRunnerOptions {
  // biome-ignore lint/suspicious/noExplicitAny: handlers of every payload type share one table
  handlers?: JobHandler<any>[];
  tasks?: PeriodicTask[];
  /** A claimed job belongs to this runner until then; it is extended while the handler runs. */
  leaseMs?: number;
  /** Names this runner in `locked_by` (default: host, process id and a random part). */
  workerId?: string;
}

interface ClaimedJob {
  id: string;
  org_id: string | null;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const PERIODIC = "periodic:";
const iso = (d: Date) => d.toISOString();

/**
 * The background job runner (issue 15 §1, decision 036) over the `jobs` table. A job is claimed with
 * FOR UPDATE SKIP LOCKED in one short transaction (state running, a lease, attempts + 1), run outside any
 * transaction, then finished in another: done, or queued again after a backoff, or dead after its last
 * attempt. Several runners (processes) on one PostgreSQL never claim one job twice; a job whose runner
 * died is claimed again once its lease ends. Periodic tasks are jobs keyed by (task, time slot), so one
 * slot runs once across processes.
 *
 * Nothing polls unless `start()` is called (main.ts): tests and a request's `nudge()` run due jobs on
 * demand (`runDueJobs`, `drain`).
 */
export class JobRunner {
  // biome-ignore lint/suspicious/noExplicitAny: see JobRunnerOptions.handlers
  private readonly handlers = new Map<string, JobHandler<any>>();
  private readonly tasks = new Map<string, PeriodicTask>();
  private readonly leaseMs: number;
  readonly workerId: string;
  private draining: Promise<number> | null = null;
  private again = false;
  private nudged = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: JobContext,
    opts: JobRunnerOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    for (const h of opts.handlers ?? []) this.register(h);
    for (const t of opts.tasks ?? []) this.addPeriodic(t);
  }

  // biome-ignore lint/suspicious/noExplicitAny: see JobRunnerOptions.handlers
  register(handler: JobHandler<any>): this {
    this.handlers.set(handler.kind, handler);
    return this;
  }

  addPeriodic(task: PeriodicTask): this {
    this.tasks.set(task.name, task);
    return this.register({
      kind: `${PERIODIC}${task.name}`,
      maxAttempts: 1,
      run: (ctx) => task.run(ctx),
    });
  }

  /** Work was enqueued and committed in this process: run what is due soon, without waiting for a poll. */
  nudge(): void {
    if (this.stopped || this.nudged) return;
    this.nudged = true;
    setImmediate(() => {
      this.nudged = false;
      void this.runDueJobs();
    });
  }

  /** Polls every `pollMs` (main.ts); the periodic tasks' current slots are enqueued first, so they run at start. */
  start(pollMs = 1000): void {
    if (this.timer || this.stopped) return;
    const tick = () => void this.tick().catch((err) => this.ctx.log.error({ err }, "job runner tick failed"));
    tick();
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
  }

  /** Enqueues each periodic task's current slot (once across processes), then runs what is due. */
  async tick(): Promise<number> {
    await this.enqueuePeriodic();
    return this.runDueJobs();
  }

  async enqueuePeriodic(): Promise<void> {
    if (this.tasks.size === 0) return;
    const nowMs = clock.nowMs();
    await detachedFromRequest(() =>
      withSystem(this.ctx.database.db, async (tx) => {
        for (const task of this.tasks.values()) {
          const slot = Math.floor(nowMs / task.everyMs);
          await enqueueJob(tx, {
            kind: `${PERIODIC}${task.name}`,
            orgId: null,
            payload: {},
            key: String(slot),
          });
        }
      }),
    );
  }

  /**
   * Claims and runs due jobs one after another until none is due; resolves with how many ran. A call
   * while a run is going on joins it and makes it look once more, so two runs of one process never
   * overlap (PGlite has one connection; concurrency comes from more processes).
   */
  runDueJobs(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = detachedFromRequest(async () => {
      let ran = 0;
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.runOne())) ran++;
        } while (this.again && !this.stopped);
      } finally {
        this.draining = null;
      }
      return ran;
    });
    return this.draining;
  }

  /** Tests: enqueue the periodic slots, run every due job, and wait for any run a nudge started. */
  async drain(): Promise<number> {
    await this.draining?.catch(() => 0);
    return this.tick();
  }

  /** Stops taking jobs and waits (at most `timeoutMs`) for the running one to finish. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const running = this.draining;
    if (!running) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      running.catch(() => 0),
      new Promise((resolve) => {
        timeout = setTimeout(resolve, timeoutMs);
        timeout.unref();
      }),
    ]);
    clearTimeout(timeout);
  }

  /** Claims one due job and runs it; false when none was due. */
  private async runOne(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    if (!handler) return true; // only registered kinds are claimed
    job.max_attempts = handler.maxAttempts ?? job.max_attempts;
    if (job.attempts > job.max_attempts) {
      // Its lease ended after its last attempt: the process running it stopped; no attempt is left.
      await this.finish(job, "dead", "lease expired: the process running it stopped");
      return true;
    }
    const heartbeat = setInterval(() => void this.extendLease(job.id), Math.max(this.leaseMs / 3, 50));
    heartbeat.unref();
    try {
      await handler.run(this.ctx, {
        id: job.id,
        orgId: job.org_id,
        payload: job.payload,
        attempt: job.attempts,
      });
      clearInterval(heartbeat);
      await this.finish(job, "done", null);
    } catch (err) {
      clearInterval(heartbeat);
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const dead = job.attempts >= job.max_attempts;
      this.ctx.log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, dead },
        `job failed: ${message}`,
      );
      await this.finish(job, dead ? "dead" : "queued", message);
    }
    return true;
  }

  private claim(): Promise<ClaimedJob | undefined> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return Promise.resolve(undefined);
    const now = clock.now();
    const leaseEnd = new Date(now.getTime() + this.leaseMs);
    return this.system(async (tx) => {
      const r = await tx.execute(sql`
        update jobs set state = 'running', attempts = attempts + 1,
               locked_until = ${iso(leaseEnd)}::timestamptz, locked_by = ${this.workerId}
         where id = (
           select id from jobs
            where kind in (${sql.join(
              kinds.map((k) => sql`${k}`),
              sql`, `,
            )})
              and ((state = 'queued' and run_at <= ${iso(now)}::timestamptz)
                or (state = 'running' and locked_until <= ${iso(now)}::timestamptz))
            order by run_at, id
            limit 1
            for update skip locked)
        returning id, org_id, kind, payload, attempts, max_attempts`);
      return r.rows[0] as ClaimedJob | undefined;
    });
  }

  private async finish(job: ClaimedJob, state: "done" | "queued" | "dead", error: string | null) {
    const now = clock.now();
    const runAt = state === "queued" ? new Date(now.getTime() + backoffMs(job.attempts)) : null;
    await this.system((tx) =>
      tx.execute(sql`
        update jobs set state = ${state}, last_error = ${error}, locked_until = null, locked_by = null,
               run_at = coalesce(${runAt ? iso(runAt) : null}::timestamptz, run_at),
               finished_at = ${state === "queued" ? null : iso(now)}::timestamptz
         where id = ${job.id} and state = 'running' and locked_by = ${this.workerId}`),
    );
  }

  private async extendLease(id: string): Promise<void> {
    const until = new Date(clock.nowMs() + this.leaseMs);
    await this.system((tx) =>
      tx.execute(sql`
        update jobs set locked_until = ${iso(until)}::timestamptz
         where id = ${id} and state = 'running' and locked_by = ${this.workerId}`),
    ).catch((err) => this.ctx.log.warn({ err, jobId: id }, "job lease not extended"));
  }

  private system<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return detachedFromRequest(() => withSystem(this.ctx.database.db, fn));
  }
}
