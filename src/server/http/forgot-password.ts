import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/** At most this many reset emails an hour for one account, whoever asks and from wherever (decision 016). */
export const RESET_EMAILS_PER_HOUR = 3;

/**
 * "Forgot password" answers no sooner than this, known address or not, so its timing does not tell
 * whether an account exists. Well above the slower path (about 20 ms here); see bench/forgot-password.ts.
 */
export const FORGOT_PASSWORD_FLOOR_MS = 250;

/**
 * Runs `work` and settles (with its result or its error) no sooner than `floorMs` after the call. A
 * duration, not an instant: measured on the monotonic clock, which tests never move.
 */
export async function noSoonerThan<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = floorMs - (performance.now() - started);
    if (left > 0) await sleep(Math.ceil(left));
  }
}
