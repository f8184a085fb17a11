import rateLimit from "@fastify/rate-limit";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import * as clock from "../clock.js";
import { createTestContext, type TestContext } from "../test/harness.js";
import { countHit, databaseRateLimitStore, pruneRateLimitsTask } from "./rate-limit-store.js";

/**
 * The request limits counted in the database (decision 056), here on this file's database (PGlite, or
 * PostgreSQL under `npm run test:pg`); cluster.pg.test.ts checks them across two real processes.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
afterEach(() => clock.resetClock());

const rows = async () =>
  (await ctx.database.db.execute(sql`select key, hits from rate_limit_hits order by key`)).rows;

test("a window opens at a key's first hit, counts every hit, and the next hit after it opens a new one", async () => {
  clock.setClock("2030-03-01T10:00:00Z");
  expect(await countHit(ctx.database.db, "k", 60_000)).toEqual({ current: 1, ttl: 60_000 });
  clock.setClock("2030-03-01T10:00:20Z");
  expect(await countHit(ctx.database.db, "k", 60_000)).toMatchObject({ current: 2 });
  const third = await countHit(ctx.database.db, "k", 60_000);
  expect(third.current).toBe(3);
  expect(third.ttl).toBeGreaterThan(39_000);
  expect(third.ttl).toBeLessThanOrEqual(40_000);
  // A second past the window's end: the set clock keeps running from the time set, so a hit exactly at the
  // end could still fall a millisecond inside a window opened a millisecond after 10:00:00.
  clock.setClock("2030-03-01T10:01:01Z");
  expect(await countHit(ctx.database.db, "k", 60_000)).toEqual({ current: 1, ttl: 60_000 });
  // The clock went back (a window ending later than one opened now would): a new window, not a stuck one.
  clock.setClock("2030-03-01T09:00:00Z");
  expect(await countHit(ctx.database.db, "k", 60_000)).toEqual({ current: 1, ttl: 60_000 });
  // 30 hits at once (one upsert each): none lost.
  await Promise.all(Array.from({ length: 30 }, () => countHit(ctx.database.db, "burst", 60_000)));
  expect(await rows()).toContainEqual({ key: "burst", hits: 30 });
});

test("the plugin with the store: each route's limit on its own, 429 past it, open again after the window", async () => {
  await ctx.database.db.execute(sql`delete from rate_limit_hits`);
  clock.setClock("2030-03-02T08:00:00Z");
  const app = Fastify();
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx.database.db) });
  const limited = { config: { rateLimit: { max: 2, timeWindow: "1 minute" } } };
  app.post("/a", limited, async () => ({ ok: true }));
  app.post("/b", limited, async () => ({ ok: true }));
  await app.ready();
  const hit = async (url: string) => (await app.inject({ method: "POST", url })).statusCode;
  expect([await hit("/a"), await hit("/a"), await hit("/a")]).toEqual([200, 200, 429]);
  expect(await hit("/b")).toBe(200);
  const keys = (await rows()).map((r: Record<string, unknown>) => r.key);
  expect(keys).toEqual(["POST /a 127.0.0.1", "POST /b 127.0.0.1"]);
  clock.advanceClock(61_000);
  expect(await hit("/a")).toBe(200);
  await app.close();
});

test("the periodic task deletes the rows whose window has ended, and only those", async () => {
  await ctx.database.db.execute(sql`delete from rate_limit_hits`);
  clock.setClock("2030-03-03T08:00:00Z");
  await countHit(ctx.database.db, "old", 60_000);
  await countHit(ctx.database.db, "long", 3_600_000);
  clock.advanceClock(120_000);
  await pruneRateLimitsTask.run({
    database: ctx.database,
    config: ctx.config,
    mailer: ctx.mailer,
    log: { info() {}, warn() {}, error() {} },
  });
  expect(await rows()).toEqual([{ key: "long", hits: 1 }]);
});
