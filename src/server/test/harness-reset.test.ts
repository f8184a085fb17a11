import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import type { Database } from "../db/client.js";
import { buildCustomer, buildOrg } from "./factories.js";
import { createTestContext, type TestContext } from "./harness.js";

// The harness hands each test file a database as the migrations left it: the worker's own one, emptied
// after the file before (PGlite: decision 035; PostgreSQL, npm run test:pg: decision 061).
// These tests check that nothing a file wrote reaches the next.

/** Rows in every table of the application's schemas, by table, only those that have any. */
async function rowsByTable(database: Database): Promise<Record<string, number>> {
  const tables = await database.db.execute(sql`select format('%I.%I', schemaname, tablename) as name
    from pg_tables where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') order by 1`);
  const names = (tables.rows as { name: string }[]).map((r) => r.name);
  expect(names.length).toBeGreaterThan(20);
  const counts = await database.db.execute(
    sql.raw(names.map((n) => `select '${n}' as name, count(*)::int as n from ${n}`).join(" union all ")),
  );
  return Object.fromEntries(
    (counts.rows as { name: string; n: number }[]).filter((r) => r.n > 0).map((r) => [r.name, r.n]),
  );
}

const opened: TestContext[] = [];
afterAll(async () => {
  for (const ctx of opened) await ctx.close();
});

test("a file starts on empty tables, whatever file ran before it in this worker", async () => {
  const ctx = await createTestContext();
  opened.push(ctx);
  expect(await rowsByTable(ctx.database)).toEqual({});
});

test("what a file wrote, its session settings and its sequences are gone for the next file", async () => {
  const first = await createTestContext();
  const org = await buildOrg(first, "Reset Leak Org");
  await buildCustomer(first, org, "Reset Leak Customer");
  await first.database.db.execute(sql`select set_config('app.org_id', ${org.orgId}, false)`);
  expect(Object.keys(await rowsByTable(first.database))).toEqual(
    expect.arrayContaining(["public.organisations", "public.customers", "public.users"]),
  );
  const before = first.database;
  const beforeUrl = first.databaseUrl;
  await first.close();

  const next = await createTestContext();
  opened.push(next);
  // Reused, not loaded or copied again.
  if (process.env.TEST_DATABASE_URL) expect(next.databaseUrl).toBe(beforeUrl);
  else expect(next.database).toBe(before);
  expect(await rowsByTable(next.database)).toEqual({});
  const setting = await next.database.db.execute(sql`select current_setting('app.org_id', true) as v`);
  expect((setting.rows[0] as { v: string | null }).v ?? "").toBe("");
  // The app works on the reset database, and sees only what this file makes.
  await buildOrg(next, "Reset Leak Org");
  expect(await rowsByTable(next.database)).toMatchObject({ "public.organisations": 1 });
});

test("a file that filled a table hands the next one every table as the dump had it, not dead rows", async () => {
  const first = await createTestContext();
  const org = await buildOrg(first, "Reset Bulk Org");
  await buildCustomer(first, org, "Reset Bulk Customer");
  // 2,000 copies of the customer, written as the owner: the table grows past the reset's few pages.
  await first.database.db.execute(sql`insert into customers
    select (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'name', c.name || g))).*
    from customers c, generate_series(1, 2000) g`);
  const size = async (database: Database) => {
    const r = await database.db.execute(sql`select pg_relation_size('public.customers')::int as bytes`);
    return (r.rows[0] as { bytes: number }).bytes;
  };
  expect(await size(first.database)).toBeGreaterThan(8 * 8192);
  await first.close();

  const next = await createTestContext();
  opened.push(next);
  expect(await rowsByTable(next.database)).toEqual({});
  expect(await size(next.database)).toBe(0);
});

test.skipIf(!process.env.TEST_DATABASE_URL)(
  "PostgreSQL: a connection a file left open is ended before the next file gets the database",
  async () => {
    const first = await createTestContext();
    const org = await buildOrg(first, "Reset Straggler Org");
    // A connection the file forgot (as a killed child process's would be), in an open transaction that holds a row lock.
    const straggler = new pg.Client({ connectionString: first.databaseUrl });
    straggler.on("error", () => {}); // ended by the reset
    await straggler.connect();
    await straggler.query("begin");
    await straggler.query("select * from organisations for update");
    await first.close();

    const next = await createTestContext();
    opened.push(next);
    expect(next.databaseUrl).toBe(first.databaseUrl);
    expect(await rowsByTable(next.database)).toEqual({});
    await expect(straggler.query("select 1")).rejects.toThrow();
    await straggler.end().catch(() => {});
    expect(org.orgId).toBeTruthy();
  },
);
