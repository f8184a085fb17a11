/** The first retry waits this long; each further one twice as long as the one before, up to the cap. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/** How long a job that failed its `attempt`-th run (1-based) waits before the next: exponential, capped. */
export function backoffMs(attempt: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
}
