import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import * as clock from "../clock.js";
import type { Db } from "../db/client.js";
import { loginAttempts } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { AppError } from "./errors.js";

/** Failures allowed back to back before each further attempt must wait (NIST 800-63B 5.2.2). */
export const FREE_FAILURES = 5;
/**
 * The first wait after the free failures; it doubles with every further failure, up to MAX_DELAY_SECONDS.
 * Long enough that a person retrying by hand sees the lock (and tests can observe it on a loaded machine).
 */
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
/** After this many consecutive failures the account stays locked until its password is reset. */
export const HARD_LOCK_FAILURES = 100;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The counter is keyed by the email (never by whether it exists), so an unknown address is throttled
 * exactly like a real account and the answers reveal nothing. A contact's key includes the organisation:
 * the same person has a separate account, and a separate counter, in each portal (D7).
 */
export const staffThrottleKey = (email: string) => sha256(`staff:${email.trim().toLowerCase()}`);
export const portalThrottleKey = (orgId: string, email: string) =>
  sha256(`portal:${orgId}:${email.trim().toLowerCase()}`);

/**
 * Counts this attempt as a failure before the password is checked, in one atomic upsert, or refuses it
 * with ACCOUNT_LOCKED while the account waits (or for good past HARD_LOCK_FAILURES). Counting first
 * means parallel guesses cannot slip past the limit; a successful sign-in calls clearLoginFailures.
 */
export async function beginLoginAttempt(db: Db, keyHash: string): Promise<void> {
  const failures = sql`${loginAttempts.failures}`;
  const next = sql`${failures} + 1`;
  // Constants inlined (not bound) so PostgreSQL types the arithmetic without guessing parameter types.
  const free = sql.raw(String(FREE_FAILURES));
  const firstDelay = sql.raw(String(FIRST_DELAY_SECONDS));
  const maxDelay = sql.raw(String(MAX_DELAY_SECONDS));
  const hardLock = sql.raw(String(HARD_LOCK_FAILURES));
  // The server clock, bound as a parameter: never the database's now(), so the lock and the clock agree.
  const now = sql`${clock.now().toISOString()}::timestamptz`;
  const rows = await withSystem(db, (tx) =>
    tx
      .insert(loginAttempts)
      .values({ keyHash, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginAttempts.keyHash,
        set: {
          failures: next,
          lastFailureAt: now,
          lockedUntil: sql`case when ${next} >= ${free}
            then ${now} + least(${firstDelay} * power(2, ${next} - ${free}), ${maxDelay}) * interval '1 second'
            else null end`,
        },
        setWhere: sql`${failures} < ${hardLock}
          and (${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} <= ${now})`,
      })
      .returning({ failures: loginAttempts.failures }),
  );
  if (rows.length === 0) throw new AppError("ACCOUNT_LOCKED");
}

/** A successful sign-in or a password reset starts the count again. */
export async function clearLoginFailures(db: Db, keyHash: string): Promise<void> {
  await withSystem(db, (tx) => tx.delete(loginAttempts).where(eq(loginAttempts.keyHash, keyHash)));
}
