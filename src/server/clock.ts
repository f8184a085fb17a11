import { todayIn } from "../shared/dates.js";

/**
 * The server's one clock. Everything on the server that means "now" or "today" reads it (never
 * `new Date()` or `Date.now()` directly), so a test can move the clock and the suite passes on any day,
 * including with the whole process clock moved by `faketime`.
 *
 * The clock runs: `setClock` moves it to an instant and time goes on from there, so idle timeouts,
 * expiries and throttles still behave as they would in production.
 */
let offsetMs = 0;

/** This instant, as the server sees it. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** This instant in milliseconds since the epoch. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Today's calendar date (YYYY-MM-DD) in a time zone: documents are dated in the organisation's zone. */
export function today(timeZone: string): string {
  return todayIn(timeZone, now());
}

/** Tests only: moves the clock to `at` (an instant or an ISO string); it keeps running from there. */
export function setClock(at: Date | string): void {
  offsetMs = new Date(at).getTime() - Date.now();
}

/** Tests only: moves the clock forward (or back) by `ms`. */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

/** Tests only: back to the process clock. */
export function resetClock(): void {
  offsetMs = 0;
}
