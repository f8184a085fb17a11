import { createHash } from "node:crypto";
import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import * as clock from "../clock.js";
import type { Db, Tx } from "../db/client.js";
import { loginAttempts } from "../db/schema/index.js";
import { withSystem } from "../db/scope.js";
import { AppError } from "../errors/errors.js";

/**
 * Sign-in throttling (decision 016). Three counters of failures in `login_attempts`:
 * - per (account, client address): the one that locks. A client that keeps guessing one account waits,
 *   with a doubling wait capped at MAX_DELAY_SECONDS, however many failures it has piled up;
 * - per client address, across accounts: locks a client that sprays guesses over many accounts;
 * - per account, across addresses: only slows. While it is locked, a client with a failure of its own on
 *   this account is refused, but a client that has not been failing still gets its attempt checked, so
 *   nobody can lock the owner out by knowing the address. Each address of a distributed guesser gets one
 *   guess per wait, no more.
 * No counter locks for good: a wait ends after MAX_DELAY_SECONDS at most, and a password reset clears
 * the account's counters.
 */

/** Failures a client may make on one account back to back before it must wait (NIST 800-63B 5.2.2). */
export const FREE_FAILURES = 5;
/** Failures one client address may make across accounts before it must wait. */
export const FREE_ADDRESS_FAILURES = 20;
/** Failures on one account, from anywhere, before failing clients are held back from it. */
export const FREE_ACCOUNT_FAILURES = 10;
/**
 * The first wait after the free failures; it doubles with every further failure, up to MAX_DELAY_SECONDS.
 * Long enough that a person retrying by hand sees the lock (and tests can observe it on a loaded machine).
 */
export const FIRST_DELAY_SECONDS = 30;
/** The longest any lock lasts, whatever the count: the bound that keeps a lock from being a weapon. */
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten: the next one counts from 1 again. */
export const FORGET_AFTER_SECONDS = 24 * 3600;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The account key is the email typed (never whether it exists), so an unknown address is throttled
 * exactly like a real account and the answers reveal nothing. A contact's key includes the organisation:
 * the same person has a separate account, and a separate counter, in each portal (D7).
 */
export const staffThrottleKey = (email: string) => sha256(`staff:${email.trim().toLowerCase()}`);
export const portalThrottleKey = (orgId: string, email: string) =>
  sha256(`portal:${orgId}:${email.trim().toLowerCase()}`);
/** The counter of one client address on one account. */
export const pairThrottleKey = (accountKey: string, ip: string) => sha256(`pair:${accountKey}:${ip}`);
/** The counter of one client address across every account (staff and every portal). */
export const addressThrottleKey = (ip: string) => sha256(`address:${ip}`);

export interface LoginAttempt {
  /** staffThrottleKey or portalThrottleKey of the email typed. */
  accountKey: string;
  /** The client's address (`req.ip`). */
  ip: string;
}

/**
 * Counts one failure on `keyHash` in an atomic upsert, unless it is locked now (when `onlyIfFree`):
 * returns the count after this failure, or null when it was locked and nothing was counted.
 */
async function countFailure(
  tx: Tx,
  keyHash: string,
  free: number,
  opts: { accountKey?: string; onlyIfFree: boolean },
): Promise<number | null> {
  const now = sql`${clock.now().toISOString()}::timestamptz`;
  const failures = sql`${loginAttempts.failures}`;
  const forgotten = sql`(${loginAttempts.lastFailureAt} is null
    or ${loginAttempts.lastFailureAt} < ${now} - ${sql.raw(String(FORGET_AFTER_SECONDS))} * interval '1 second')`;
  const next = sql`(case when ${forgotten} then 1 else ${failures} + 1 end)`;
  // Constants inlined (not bound) so PostgreSQL types the arithmetic without guessing parameter types.
  const freeN = sql.raw(String(free));
  const firstDelay = sql.raw(String(FIRST_DELAY_SECONDS));
  const maxDelay = sql.raw(String(MAX_DELAY_SECONDS));
  // The failure that uses up the free ones starts the first wait; each further one doubles it.
  const lockedUntil = (n: SQL) => sql`case when ${n} >= ${freeN}
    then ${now} + least(${firstDelay} * power(2, least(${n} - ${freeN}, 20)), ${maxDelay}) * interval '1 second'
    else null end`;
  const rows = await tx
    .insert(loginAttempts)
    .values({
      keyHash,
      accountKey: opts.accountKey ?? null,
      failures: 1,
      lastFailureAt: clock.now(),
    })
    .onConflictDoUpdate({
      target: loginAttempts.keyHash,
      set: { failures: next, lastFailureAt: now, lockedUntil: lockedUntil(next) },
      setWhere: opts.onlyIfFree
        ? sql`${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} <= ${now}`
        : undefined,
    })
    .returning({ failures: loginAttempts.failures });
  return rows[0]?.failures ?? null;
}

/**
 * Counts this attempt as a failure before the password is checked, or refuses it with ACCOUNT_LOCKED
 * while this client must wait. Counting first, in conditional upserts, means parallel guesses cannot
 * slip past the limit; a refusal rolls the transaction back, so it counts nowhere. A successful sign-in
 * calls clearLoginFailures.
 */
export async function beginLoginAttempt(db: Db, attempt: LoginAttempt): Promise<void> {
  await withSystem(db, async (tx) => {
    const [account] = await tx
      .select({ lockedUntil: loginAttempts.lockedUntil })
      .from(loginAttempts)
      .where(eq(loginAttempts.keyHash, attempt.accountKey));
    const accountLocked = (account?.lockedUntil?.getTime() ?? 0) > clock.nowMs();
    const address = await countFailure(tx, addressThrottleKey(attempt.ip), FREE_ADDRESS_FAILURES, {
      onlyIfFree: true,
    });
    const pair = await countFailure(tx, pairThrottleKey(attempt.accountKey, attempt.ip), FREE_FAILURES, {
      accountKey: attempt.accountKey,
      onlyIfFree: true,
    });
    // The account under attack holds back only the clients that have failed on it themselves.
    if (address === null || pair === null || (accountLocked && pair > 1))
      throw new AppError("ACCOUNT_LOCKED");
    await countFailure(tx, attempt.accountKey, FREE_ACCOUNT_FAILURES, { onlyIfFree: false });
  });
}

/**
 * A successful sign-in forgets this client's failures on the account and the account's own count, and
 * takes back the count of this attempt from the client's address. The address's earlier failures stay:
 * signing in to one's own account must not launder a spray of guesses at others.
 */
export async function clearLoginFailures(db: Db, attempt: LoginAttempt): Promise<void> {
  await withSystem(db, async (tx) => {
    await tx
      .delete(loginAttempts)
      .where(
        inArray(loginAttempts.keyHash, [attempt.accountKey, pairThrottleKey(attempt.accountKey, attempt.ip)]),
      );
    await tx
      .update(loginAttempts)
      .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
      .where(eq(loginAttempts.keyHash, addressThrottleKey(attempt.ip)));
  });
}

/** A new password (reset or change) ends every lock on the account, from whichever address. */
export async function clearAccountFailures(db: Db, accountKey: string): Promise<void> {
  await withSystem(db, (tx) =>
    tx
      .delete(loginAttempts)
      .where(or(eq(loginAttempts.keyHash, accountKey), eq(loginAttempts.accountKey, accountKey))),
  );
}
