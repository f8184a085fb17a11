import { z } from "zod";
import { uuid } from "./common.js";

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
