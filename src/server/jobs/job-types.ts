import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { Mailer } from "../email/mailer.js";

export { enqueueJob, type NewJob } from "./enqueue-job.js";

/** What every periodic task and job handler receives (decision 036). */
export interface JobContext {
  database: Database;
  config: Config;
  mailer: Mailer;
  log: {
    info(o: object, m?: string): void;
    warn(o: object, m?: string): void;
    error(o: object, m?: string): void;
  };
}

/** Work that runs every `everyMs` (and once at start); must be idempotent: the runner may run it twice. */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(ctx: JobContext): Promise<void>;
}

/** A queued job's handler; throw to retry with backoff, after maxAttempts it goes dead (dead-letter list). */
export interface JobHandler<P = unknown> {
  kind: string;
  maxAttempts?: number;
  run(ctx: JobContext, job: { id: string; orgId: string | null; payload: P; attempt: number }): Promise<void>;
}
