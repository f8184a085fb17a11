// Decision 047 (issue 14): every row-level security policy reads the request's scope through
// `(select app_scope())`, `(select app_org_id())` and `(select app_customer_id())`, which PostgreSQL evaluates
// once per statement (an InitPlan), never as a bare call evaluated for every row it filters. A new policy
// written the old way fails here, named. Runs on PGlite (npm test) and PostgreSQL (npm run test:pg).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestContext, type TestContext } from "../harness.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** pg_policies deparses `(select app_org_id())` as `( SELECT app_org_id() AS app_org_id)`. */
const wrapped = /\(\s*SELECT\s+(app_scope|app_org_id|app_customer_id)\(\)\s+AS\s+\1\s*\)/gi;
const bare = /\bapp_(scope|org_id|customer_id)\(\)/i;

test("every policy calls the scope functions once per statement, as (select …)", async () => {
  const result = (await ctx.database.db.execute(
    sql`select tablename, policyname, coalesce(qual, '') as qual, coalesce(with_check, '') as with_check
          from pg_policies where schemaname = 'public' order by tablename, policyname`,
  )) as unknown as { rows: { tablename: string; policyname: string; qual: string; with_check: string }[] };
  // The tables of 0001 alone have more than twenty policies: an empty answer would prove nothing.
  expect(result.rows.length).toBeGreaterThan(20);
  const perRow = result.rows
    .filter((p) => bare.test(p.qual.replace(wrapped, "")) || bare.test(p.with_check.replace(wrapped, "")))
    .map((p) => `${p.tablename}.${p.policyname}`);
  expect(perRow, "policies calling app_scope()/app_org_id()/app_customer_id() per row").toEqual([]);
});
