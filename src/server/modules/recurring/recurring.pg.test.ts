import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import * as clock from "../../clock.js";
import { openDatabase } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { Mailer } from "../../email/mailer.js";
import { jobContextOf } from "../../jobs/test-support.js";
import { buildCustomer, loginStaff } from "../../test/factories.js";
import { setUpTestApp } from "../../test/scenarios.js";
import { runRecurringTick } from "./recurring-run.js";

/**
 * Two processes' ticks on one PostgreSQL (decision 037). Skipped on PGlite (one connection cannot race);
 * run `npm run test:pg -- src/server/modules/recurring/recurring.pg.test.ts`.
 */
const onPostgres = !!process.env.TEST_DATABASE_URL;
const { ctx, org } = setUpTestApp("Recurring Workers");
const closers: (() => Promise<void>)[] = [];
afterEach(() => clock.resetClock());
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
});
