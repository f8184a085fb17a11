import { and, eq, gt, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type {
  FailedJob,
  FailedJobPage,
  JobListQuery,
  JobTotalsQuery,
} from "../../../shared/contracts/background-jobs.js";
import type { ListTotals } from "../../../shared/contracts/list-page.js";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { jobs } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { countWhere } from "../../lists/count.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";

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

const jobOrders: Record<JobListQuery["sort"], KeysetOrder> = {
  created: { name: "created", key: jobs.createdAt, cast: "timestamptz", id: jobs.id },
};

/**
 * The organisation's dead jobs and those waiting to retry (row-level security keeps other
 * organisations' and the system's jobs out), narrowed by state and kind: the page and the count.
 */
function jobListWhere(orgId: string, f: JobTotalsQuery): SQL | undefined {
  return and(
    eq(jobs.orgId, orgId),
    or(
      eq(jobs.state, "dead"),
      and(sql`${jobs.state} in ('queued', 'running')`, gt(jobs.attempts, 0), isNotNull(jobs.lastError)),
    ),
    f.state ? eq(jobs.state, f.state) : undefined,
    f.kind ? eq(jobs.kind, f.kind) : undefined,
  );
}

/** The failed jobs, a keyset page at a time, newest first by default (issue 19, decision 066). */
export function listFailedJobs(db: Db, orgId: string, query: JobListQuery): Promise<FailedJobPage> {
  const order = jobOrders[query.sort];
  return withOrg(db, orgId, (tx) =>
    readPage(order, orgId, query, async (plan) => {
      const ks = keysetSql(order, plan);
      const rows = await tx
        .select({ j: jobs, sortKey: ks.sortKey })
        .from(jobs)
        .where(and(jobListWhere(orgId, query), ks.where))
        .orderBy(...ks.orderBy)
        .limit(plan.limit);
      return rows.map((r) => ({ item: toFailedJob(r.j), key: r.sortKey, id: r.j.id }));
    }),
  );
}

/** How many failed jobs match the filters. */
export function failedJobTotals(db: Db, orgId: string, filter: JobTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => countWhere(tx, jobs, jobListWhere(orgId, filter)));
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
