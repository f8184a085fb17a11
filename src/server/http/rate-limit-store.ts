import { lt, sql } from "drizzle-orm";
import * as clock from "../clock.js";
import type { Db } from "../db/client.js";
import { rateLimitHits } from "../db/schema/index.js";
import { detachedFromRequest, withSystem } from "../db/scope.js";
import type { PeriodicTask } from "../jobs/job-types.js";

/** What @fastify/rate-limit's store answers for one hit: the hits of the window so far, and its time left. */
export interface RateLimitHit {
  current: number;
  ttl: number;
}

/**
 * Counts one hit on `key` in one upsert and returns the window's count: a window opens at a key's first hit
 * and lasts `windowMs` (as the plugin's in-memory store counts), a hit after its end opens the next one.
 * In a transaction of its own, outside a read request's shared one (decision 031): a refused request rolls
 * that one back, and its hit must count all the same.
 */
export function countHit(db: Db, key: string, windowMs: number): Promise<RateLimitHit> {
  const nowMs = clock.nowMs();
  const now = sql`${new Date(nowMs).toISOString()}::timestamptz`;
  const ends = sql`${new Date(nowMs + windowMs).toISOString()}::timestamptz`;
  // The window is over, or ends later than one opened now would: the clock went back (a test's, or a
  // server's corrected), and a count from "the future" must not hold the key.
  const over = sql`(h.expires_at <= ${now} or h.expires_at > ${ends})`;
  return detachedFromRequest(() =>
    withSystem(db, async (tx) => {
      const r = await tx.execute(sql`insert into rate_limit_hits as h (key, hits, expires_at)
        values (${key}, 1, ${ends})
        on conflict (key) do update set
          hits = case when ${over} then 1 else h.hits + 1 end,
          expires_at = case when ${over} then excluded.expires_at else h.expires_at end
        returning h.hits as current, (extract(epoch from h.expires_at) * 1000)::float8 as "endsMs"`);
      const row = r.rows[0] as { current: number; endsMs: number };
      return { current: Number(row.current), ttl: Math.max(0, Math.round(Number(row.endsMs) - nowMs)) };
    }),
  );
}

type Callback = (err: Error | null, hit?: RateLimitHit) => void;
/** What the plugin passes to `child`: the route's merged options (its types name only the route's). */
type ChildOptions = { routeInfo?: { method?: string | string[]; url?: string }; timeWindow?: unknown };

/**
 * A `store` for @fastify/rate-limit (its contract: `incr(key, cb, timeWindow, max)` and
 * `child(routeOptions)`) that counts in `rate_limit_hits`, so every app process on one PostgreSQL shares
 * the limits (decision 056). A route's limit is its own: its keys start with the route's method and URL.
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    readonly prefix: string;
    readonly windowMs: number;
    /** The plugin constructs the store with its global options; `child` passes the route's prefix. */
    constructor(options?: unknown, prefix = "") {
      this.prefix = prefix;
      const window = (options as ChildOptions | undefined)?.timeWindow;
      this.windowMs = typeof window === "number" ? window : 60_000;
    }

    /** The plugin passes the window (its types are older than that); the child's own is the fallback. */
    incr(key: string, cb: Callback, timeWindow: number = this.windowMs): void {
      countHit(db, this.prefix + key, timeWindow).then(
        (hit) => cb(null, hit),
        (err: Error) => cb(err),
      );
    }

    child(routeOptions: object) {
      const o = routeOptions as ChildOptions;
      const method = [o.routeInfo?.method ?? ""].flat().join(",");
      return new DatabaseRateLimitStore(o, o.routeInfo?.url ? `${method} ${o.routeInfo.url} ` : "");
    }
  };
}

/** Every ten minutes: rows whose window has ended are deleted (a new hit opens a new window anyway). */
export const pruneRateLimitsTask: PeriodicTask = {
  name: "rate-limits.prune",
  everyMs: 10 * 60_000,
  async run(ctx) {
    await withSystem(ctx.database.db, (tx) =>
      tx.delete(rateLimitHits).where(lt(rateLimitHits.expiresAt, clock.now())),
    );
  },
};
