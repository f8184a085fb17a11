import { randomUUID } from "node:crypto";
import * as clock from "../clock.js";
import type { Tx } from "../db/client.js";
import { jobs } from "../db/schema/index.js";

export interface NewJob {
  kind: string;
  /** null: system work, seen by no organisation. */
  orgId: string | null;
  payload: unknown;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Unique per kind: a second enqueue with the same key adds nothing (idempotent enqueue). */
  key?: string;
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Adds a job in the caller's transaction: it exists only if the caller commits. The id is made here and
 * nothing is returned from the insert: RETURNING would need read access, and a contact's transaction may
 * enqueue its organisation's work without reading the queue (migration 0024). A job with a `key` already
 * queued or run under its kind is left as it is.
 */
export async function enqueueJob(tx: Tx, job: NewJob): Promise<void> {
  await tx
    .insert(jobs)
    .values({
      id: randomUUID(),
      orgId: job.orgId,
      kind: job.kind,
      payload: job.payload ?? {},
      key: job.key ?? null,
      runAt: job.runAt ?? clock.now(),
      maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    })
    .onConflictDoNothing();
}
