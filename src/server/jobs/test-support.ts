import type { TestContext } from "../test/harness.js";
import { createJobRunner } from "./built-in-jobs.js";
import type { JobRunner, JobRunnerOptions } from "./job-runner.js";
import type { JobContext } from "./job-types.js";

export const silentLog: JobContext["log"] = { info() {}, warn() {}, error() {} };

export const jobContextOf = (ctx: Pick<TestContext, "database" | "config" | "mailer">): JobContext => ({
  database: ctx.database,
  config: ctx.config,
  mailer: ctx.mailer,
  log: silentLog,
});

/** A runner as a process's own (the built-in jobs and `opts`), that never polls: tests drain it. */
export function testJobRunner(
  ctx: Pick<TestContext, "database" | "config" | "mailer">,
  opts: JobRunnerOptions = {},
): JobRunner {
  return createJobRunner(jobContextOf(ctx), opts);
}
