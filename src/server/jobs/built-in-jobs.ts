import { and, eq, lt } from "drizzle-orm";
import * as clock from "../clock.js";
import { jobs } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { pruneRateLimitsTask } from "../http/rate-limit-store.js";
import { importJobHandler, importResumeTask } from "../modules/imports/import-runner.js";
import { autoChargeHandler } from "../modules/payments/auto-charge.service.js";
import { recurringTickTask } from "../modules/recurring/recurring-run.js";
import { remindersTask } from "../modules/reminders/send-reminders.js";
import { emailBackfillTask, emailDeliveryHandler } from "./email-jobs.js";
import { JobRunner, type JobRunnerOptions } from "./job-runner.js";
import type { JobContext, PeriodicTask } from "./job-types.js";

/** Done jobs are kept a week (for reading), then deleted; dead ones stay until retried or deleted. */
export const KEEP_DONE_JOBS_MS = 7 * 24 * 60 * 60_000;

export const pruneJobsTask: PeriodicTask = {
  name: "jobs.prune",
  everyMs: 24 * 60 * 60_000,
  async run(ctx) {
    const before = new Date(clock.nowMs() - KEEP_DONE_JOBS_MS);
    await withSystem(ctx.database.db, (tx) =>
      tx.delete(jobs).where(and(eq(jobs.state, "done"), lt(jobs.finishedAt, before))),
    );
  },
};

/**
 * The runner with the product's jobs: email delivery, CSV imports, recurring invoices, payment reminders,
 * automatic charges and their periodic sweeps; each feature's handlers and periodic tasks are added here.
 */
export function createJobRunner(ctx: JobContext, opts: JobRunnerOptions = {}): JobRunner {
  return new JobRunner(ctx, {
    ...opts,
    handlers: [emailDeliveryHandler, importJobHandler, autoChargeHandler, ...(opts.handlers ?? [])],
    tasks: [
      emailBackfillTask,
      importResumeTask,
      pruneJobsTask,
      recurringTickTask,
      remindersTask,
      pruneRateLimitsTask,
      ...(opts.tasks ?? []),
    ],
  });
}

/** A JobContext log on the console as JSON lines (main.ts, scripts): one line per event. */
export const consoleJobLog: JobContext["log"] = {
  info: (o, m) => console.log(JSON.stringify({ level: "info", msg: m, ...o })),
  warn: (o, m) => console.warn(JSON.stringify({ level: "warn", msg: m, ...o })),
  error: (o, m) =>
    console.error(
      JSON.stringify({ level: "error", msg: m, ...o, err: String((o as { err?: unknown }).err ?? "") }),
    ),
};
