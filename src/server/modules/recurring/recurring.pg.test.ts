import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { openDatabase } from "../../db/client.js";
import { invoices, recurringProfiles } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { Mailer } from "../../email/mailer.js";
import { jobContextOf } from "../../jobs/test-support.js";
import { buildCustomer, buildInvoice, loginStaff } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { runRecurringTick } from "./recurring-run.js";

/**
 * Two processes' ticks on one PostgreSQL (decision 037). Skipped on PGlite (one connection cannot race);
 * run `npm run test:pg -- src/server/modules/recurring/recurring.pg.test.ts`.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const { ctx, org } = setUpTestApp("Recurring Workers");
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  clock.resetClock();
  // The tick runs every organisation's profiles: each test's end with it.
  await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.update(recurringProfiles).set({ status: "stopped", nextDate: null }),
  );
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe.skipIf(!onPostgres)("the recurring tick on PostgreSQL", () => {
  test("two pools ticking at once, many times: each occurrence of each profile makes one invoice", async () => {
    clock.setClock("2044-03-01T09:00:00Z");
    org.cookie = await loginStaff(ctx, org.email, org.password);
    const customer = await buildCustomer(ctx, org, "Raced Client");
    const ids: string[] = [];
    for (let n = 0; n < 8; n++) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/recurring-profiles",
        headers: { cookie: org.cookie },
        payload: {
          customerId: customer.id,
          name: `Raced ${n}`,
          lines: [{ description: "Service", quantityMilli: 1000, unitPriceMinor: 1000 + n, taxIds: [] }],
          frequency: "weekly",
          startDate: "2044-03-01",
          mode: n % 2 ? "send" : "draft",
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const other = await openDatabase({ databaseUrl: ctx.databaseUrl });
    closers.push(() => other.close());
    const a = jobContextOf(ctx);
    const b = { ...a, database: other, mailer: new Mailer(ctx.config, other.db) };
    // Three weeks later: four occurrences each (1, 8, 15 and 22 March), raced by six ticks on two pools.
    clock.setClock("2044-03-22T09:00:00Z");
    const made = await Promise.all([a, b, a, b, a, b].map((c) => runRecurringTick(c)));
    expect(made.reduce((s, n) => s + n, 0)).toBe(8 * 4);
    const rows = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx
        .select({ profile: invoices.recurringProfileId, n: sql<number>`count(*)::int` })
        .from(invoices)
        .where(sql`${invoices.recurringProfileId} is not null`)
        .groupBy(invoices.recurringProfileId),
    );
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.n === 4)).toBe(true);
    const numbers = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select({ number: invoices.number }).from(invoices).where(eq(invoices.status, "sent")),
    );
    expect(new Set(numbers.map((r) => r.number)).size).toBe(16);
  });

  test("a process killed (kill -9) in the middle of an occurrence: nothing of it stays, the next tick makes it once", async () => {
    clock.setClock("2046-04-01T09:00:00Z");
    org.cookie = await loginStaff(ctx, org.email, org.password);
    const customer = await buildCustomer(ctx, org, "Killed Tick Client");
    // An invoice issued today: the series' counter row for 2046 exists, so the test can hold its lock.
    await buildInvoice(ctx, org, customer.id, { issue: true });
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/recurring-profiles",
      headers: { cookie: org.cookie },
      payload: {
        customerId: customer.id,
        name: "Killed",
        lines: [{ description: "Service", quantityMilli: 1000, unitPriceMinor: 4200, taxIds: [] }],
        frequency: "monthly",
        startDate: "2046-04-01",
        mode: "send",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const profileId: string = res.json().id;
    const holder = await openDatabase({ databaseUrl: ctx.databaseUrl });
    closers.push(() => holder.close());
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // Holds the numbering counters, so the child's transaction stops at "issue", its draft inserted.
    const holding = holder.db.transaction(async (tx) => {
      await tx.execute(sql`select * from number_counters for update`);
      locked();
      await released;
    });
    await isLocked;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/server/modules/recurring/kill-nine-tick-child.ts"],
      {
        env: { ...process.env, DATABASE_URL: ctx.databaseUrl, CLOCK_AT: "2046-04-01T09:05:00Z" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout?.on("data", (d) => {
      output += d;
    });
    child.stderr?.on("data", (d) => {
      output += d;
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Wait until a backend waits for the counters' lock: the child's occurrence, half made.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await ctx.database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
      );
      if ((r.rows[0] as { n: number }).n > 0) break;
      if (Date.now() > deadline) throw new Error(`the child never waited for the lock: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGKILL");
    await exited;
    expect(output).not.toContain("TICK_DONE");
    release();
    await holding;
    // The dead process's transaction is rolled back: no invoice of the occurrence; the next tick makes it.
    const ofProfile = () =>
      withOrg(ctx.database.db, org.orgId, (tx) =>
        tx.select().from(invoices).where(eq(invoices.recurringProfileId, profileId)),
      );
    clock.setClock("2046-04-01T09:10:00Z");
    await runRecurringTick(jobContextOf(ctx));
    await runRecurringTick(jobContextOf(ctx));
    const made = await ofProfile();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ recurringOccurrenceDate: "2046-04-01", status: "sent" });
    const all = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select().from(invoices).where(eq(invoices.customerId, customer.id)),
    );
    expect(all).toHaveLength(2);
  }, 60_000);
});
