import { z } from "zod";
import { uuid } from "./common.js";
import { listPage, listQuery, totalsQuery } from "./list-page.js";

/** A job of the organisation that failed at least once (decision 036): retrying, or dead. */
export const failedJob = z.object({
  id: uuid,
  kind: z.string(),
  state: z.enum(["queued", "running", "done", "dead"]),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When it runs next (a retrying job). */
  runAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type FailedJob = z.infer<typeof failedJob>;

/** The failed-jobs list (issue 19, decision 066): newest first by keyset; by state and kind. */
export const jobListFilters = {
  /** dead: gave up; queued/running: failed at least once and retrying. */
  state: z.enum(["queued", "running", "dead"]).optional(),
  /** The job's kind as stored ("email.deliver"…), exact. */
  kind: z.string().max(100).optional(),
};
export const jobListQuery = listQuery(jobListFilters, z.enum(["created"]));
export type JobListQuery = z.output<typeof jobListQuery>;
export const jobTotalsQuery = totalsQuery(jobListFilters);
export type JobTotalsQuery = z.output<typeof jobTotalsQuery>;
export const failedJobPage = listPage(failedJob);
export type FailedJobPage = z.infer<typeof failedJobPage>;
