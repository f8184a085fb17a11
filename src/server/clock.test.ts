import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Customer, CustomerBalance, InvoiceDetail } from "../shared/contracts/index.js";
import * as clock from "./clock.js";
import { customers, loginAttempts } from "./db/schema/index.js";
import { withOrg, withSystem } from "./db/scope.js";
import {
  beginLoginAttempt,
  FIRST_DELAY_SECONDS,
  FREE_FAILURES,
  pairThrottleKey,
  staffThrottleKey,
} from "./http/login-throttle.js";
import { buildInvoice, buildOrg, loginStaff, signInContactByLink, type TestOrg } from "./test/factories.js";
import { createTestContext, type TestContext } from "./test/harness.js";

/**
 * The server's one clock (ADR 014): documents are dated in the organisation's zone (Europe/Madrid here,
 * UTC+1 in winter) on the server clock, and every stored "now" comes from the same clock.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterEach(() => clock.resetClock());
afterAll(() => ctx.close());

/** Moves the server clock to `instant` and signs the owner in again there (sessions are dated too). */
async function at(org: TestOrg, instant: string): Promise<void> {
  clock.setClock(instant);
  org.cookie = await loginStaff(ctx, org.email, org.password);
}

async function customerWithTerms(org: TestOrg, name: string, paymentTermsDays: number): Promise<Customer> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/customers",
    headers: { cookie: org.cookie },
    payload: {
      name,
      paymentTermsDays,
      contacts: [
        {
          name: `${name} Contact`,
          email: `${name.toLowerCase()}-${clock.nowMs()}@example.com`,
          isPrimary: true,
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const issue = (org: TestOrg, customerId: string) =>
  buildInvoice(ctx, org, customerId, {
    issue: true,
    lines: [{ description: "Work", quantityMilli: 1000, unitPriceMinor: 10000, taxIds: [] }],
  });

const overdueMinor = async (org: TestOrg, customerId: string) => {
  const res = await ctx.app.inject({
    url: `/api/customers/${customerId}/balances`,
    headers: { cookie: org.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as CustomerBalance[])[0]?.overdueMinor ?? 0;
};

describe("the server code", () => {
  test("reads 'now' only through the clock (no new Date() or Date.now() outside clock.ts)", () => {
    const dir = new URL(".", import.meta.url).pathname;
    const offenders = (readdirSync(dir, { recursive: true }) as string[])
      .filter(
        (f) => f.endsWith(".ts") && !/\.test\.ts$|test-support\.ts$|test-helpers\.ts$|(^|\/)test\//.test(f),
      )
      .filter((f) => f !== "clock.ts")
      .filter((f) => /new Date\(\)|Date\.now\(\)/.test(readFileSync(join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("the process clock", () => {
  // CI runs the date-sensitive files a second time under faketime with FAKETIME_EXPECT_YEAR set: this
  // proves the moved clock reaches Node and the database, so that pass really tests another year.
  test.runIf(process.env.FAKETIME_EXPECT_YEAR)(
    "is in FAKETIME_EXPECT_YEAR, for Node and the database",
    async () => {
      const year = Number(process.env.FAKETIME_EXPECT_YEAR);
      expect(clock.now().getUTCFullYear()).toBe(year);
      expect(new Date().getUTCFullYear()).toBe(year);
      if (ctx.database.kind === "pglite") {
        // PGlite runs in this process, so faketime moves its now() too (a PostgreSQL server is not faked).
        const result = await withSystem(ctx.database.db, (tx) =>
          tx.execute(sql`select extract(year from now())::int as y`),
        );
        expect((result as unknown as { rows: { y: number }[] }).rows[0]?.y).toBe(year);
      }
    },
  );
});

describe("document dates at the edges of the calendar, in the organisation's zone", () => {
  test("29 February: issue and due dates, numbering year and overdue change at Madrid's midnight", async () => {
    const org = await buildOrg(ctx, "Leap Org");
    await at(org, "2028-01-30T12:00:00Z");
    const thirty = await customerWithTerms(org, "Thirty", 30);
    const dueLeapDay = await issue(org, thirty.id);
    expect(dueLeapDay).toMatchObject({ issueDate: "2028-01-30", dueDate: "2028-02-29" });
    expect(dueLeapDay.number).toMatch(/^F2028-\d{4}$/);

    // 22:50 UTC is 23:50 in Madrid: still the 29th there, and the invoice due today is not overdue.
    await at(org, "2028-02-29T22:50:00Z");
    expect(clock.today("Europe/Madrid")).toBe("2028-02-29");
    const one = await customerWithTerms(org, "One", 1);
    const onLeapDay = await issue(org, one.id);
    expect(onLeapDay).toMatchObject({ issueDate: "2028-02-29", dueDate: "2028-03-01" });
    const leapThirty = await issue(org, thirty.id);
    expect(leapThirty).toMatchObject({ issueDate: "2028-02-29", dueDate: "2028-03-30" });
    expect(await overdueMinor(org, thirty.id)).toBe(0);

    // 23:10 UTC is still the 29th in UTC, but 1 March in Madrid: documents are dated 1 March, and the
    // invoice due on the 29th is overdue now.
    await at(org, "2028-02-29T23:10:00Z");
    expect(clock.now().toISOString().slice(0, 10)).toBe("2028-02-29");
    expect(clock.today("Europe/Madrid")).toBe("2028-03-01");
    const march = await issue(org, one.id);
    expect(march).toMatchObject({ issueDate: "2028-03-01", dueDate: "2028-03-02" });
    expect(await overdueMinor(org, thirty.id)).toBe(dueLeapDay.totalMinor);
    expect(await overdueMinor(org, one.id)).toBe(0);
  });

  test("31 December: the last invoice of the year and the first of the next, numbered by Madrid's date", async () => {
    const org = await buildOrg(ctx, "Year End Org");
    await at(org, "2030-12-31T22:50:00Z");
    expect(clock.today("Europe/Madrid")).toBe("2030-12-31");
    const thirty = await customerWithTerms(org, "Monthly", 30);
    const cash = await customerWithTerms(org, "Cash", 0);
    const last = await issue(org, thirty.id);
    expect(last).toMatchObject({ issueDate: "2030-12-31", dueDate: "2031-01-30", number: "F2030-0001" });
    const dueToday = await issue(org, cash.id);
    expect(dueToday).toMatchObject({ issueDate: "2030-12-31", dueDate: "2030-12-31", number: "F2030-0002" });
    expect(await overdueMinor(org, cash.id)).toBe(0);

    await at(org, "2030-12-31T23:10:00Z");
    expect(clock.today("Europe/Madrid")).toBe("2031-01-01");
    const first = await issue(org, thirty.id);
    expect(first).toMatchObject({ issueDate: "2031-01-01", dueDate: "2031-01-31", number: "F2031-0001" });
    expect(await overdueMinor(org, cash.id)).toBe(dueToday.totalMinor);
    expect(await overdueMinor(org, thirty.id)).toBe(0);
  });
});

describe("stored times and the server compare on one clock", () => {
  const DAYS = 86400_000;

  test("rows inserted while the clock is moved are stamped with the server clock, not the database's now()", async () => {
    const org = await buildOrg(ctx, "Stamp Org");
    await at(org, new Date(Date.now() + 40 * DAYS).toISOString());
    const c = await customerWithTerms(org, "Stamped", 30);
    const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
      tx.select({ createdAt: customers.createdAt }).from(customers).where(eq(customers.id, c.id)),
    );
    expect(Math.abs((row?.createdAt.getTime() ?? 0) - clock.nowMs())).toBeLessThan(60_000);
  });

  test("a contact who signs in while the clock is moved is not taken for idle", async () => {
    const org = await buildOrg(ctx, "Idle Org");
    await at(org, new Date(Date.now() + 2 * DAYS).toISOString());
    const c = await customerWithTerms(org, "Reader", 30);
    const invoice: InvoiceDetail = await issue(org, c.id);
    const cookie = await signInContactByLink(ctx, org, invoice.id, c.contacts[0]?.email as string);
    const res = await ctx.app.inject({ url: `/api/portal/${org.slug}/invoices`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
  });

  test("the login lock-out is measured on the server clock", async () => {
    clock.setClock(new Date(Date.now() + 10 * DAYS));
    const attempt = { accountKey: staffThrottleKey(`clock-${clock.nowMs()}@example.com`), ip: "192.0.2.9" };
    for (let i = 0; i < FREE_FAILURES; i++) await beginLoginAttempt(ctx.database.db, attempt);
    const key = pairThrottleKey(attempt.accountKey, attempt.ip);
    const [row] = await withSystem(ctx.database.db, (tx) =>
      tx.select().from(loginAttempts).where(eq(loginAttempts.keyHash, key)),
    );
    const wait = ((row?.lockedUntil?.getTime() ?? 0) - clock.nowMs()) / 1000;
    expect(wait).toBeGreaterThan(FIRST_DELAY_SECONDS - 10);
    expect(wait).toBeLessThanOrEqual(FIRST_DELAY_SECONDS);
    expect(Math.abs((row?.lastFailureAt?.getTime() ?? 0) - clock.nowMs())).toBeLessThan(10_000);
  });
});
