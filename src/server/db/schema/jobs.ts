import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./_columns.js";

export const jobStates = ["queued", "running", "done", "dead"] as const;
export type JobState = (typeof jobStates)[number];

/**
 * The background job queue (issue 15 §1, decision 036), worked by `jobs/job-runner.ts`. A row is claimed
 * with FOR UPDATE SKIP LOCKED and leased until `locked_until`: a process that dies mid-job leaves a
 * running row whose lease runs out, and another runner takes it again. `key` makes an enqueue
 * idempotent per kind (periodic tasks use their time slot). `org_id` is null for system work, which no
 * organisation sees.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    orgId: uuid("org_id"),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull().default({}),
    key: text("key"),
    state: text("state", { enum: jobStates }).notNull().default("queued"),
    runAt: ts("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lastError: text("last_error"),
    lockedUntil: ts("locked_until"),
    lockedBy: text("locked_by"),
    createdAt: createdAt(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    uniqueIndex("jobs_kind_key").on(t.kind, t.key).where(sql`${t.key} is not null`),
    index("jobs_due_idx").on(t.state, t.runAt),
    index("jobs_org_idx").on(t.orgId, t.state),
    // The failed-jobs list walks (org_id, created_at, id) (issue 19, decision 066).
    index("jobs_list_created_idx").on(t.orgId, t.createdAt, t.id),
  ],
);
