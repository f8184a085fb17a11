import { and, desc, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import type { FailedJob } from "../../../shared/contracts/background-jobs.js";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { jobs } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";

type JobRow = typeof jobs.$inferSelect;

/** An error as staff may read it: credentials in a URL and `key=value` secrets blanked. */
export function redactError(message: string | null): string | null {
  if (message === null) return null;
  return message
    .replace(/(\w+:\/\/)[^/\s:@]+(:[^/\s@]*)?@/g, "$1***@")
    .replace(/\b(password|pass|secret|token|key|authorization)(\s*[=:]\s*)\S+/gi, "$1$2***");
}

const toFailedJob = (j: JobRow): FailedJob => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  lastError: redactError(j.lastError),
  runAt: j.runAt.toISOString(),
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/**
 * The organisation's dead jobs and those waiting to retry, newest first (row-level security keeps other
 * organisations' and the system's jobs out).
 */
export function listFailedJobs(db: Db, orgId: string): Promise<FailedJob[]> {
  return withOrg(db, orgId, async (tx) =>
    (
      await tx
        .select()
        .from(jobs)
        .where(
          and(
            eq(jobs.orgId, orgId),
            or(
              eq(jobs.state, "dead"),
              and(
                sql`${jobs.state} in ('queued', 'running')`,
                gt(jobs.attempts, 0),
                isNotNull(jobs.lastError),
              ),
            ),
          ),
        )
        .orderBy(desc(jobs.createdAt))
        .limit(200)
    ).map(toFailedJob),
  );
}

/** Puts a dead job back in the queue with its attempts counted again from zero. */
export function retryJob(db: Db, orgId: string, id: string): Promise<FailedJob> {
  return withOrg(db, orgId, async (tx) => {
    const [job] = await tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.id, id), eq(jobs.orgId, orgId)))
      .for("update");
    if (!job) throw new AppError("JOB_NOT_FOUND");
    if (job.state !== "dead") throw new AppError("JOB_NOT_DEAD");
    const [row] = await tx
      .update(jobs)
      .set({ state: "queued", attempts: 0, runAt: clock.now(), finishedAt: null, lockedUntil: null })
      .where(eq(jobs.id, id))
      .returning();
    return toFailedJob(row as JobRow);
  });
}
