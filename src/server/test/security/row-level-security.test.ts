import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Tx } from "../../db/client.js";
import { withContact, withOrg, withSystem } from "../../db/scope.js";
import { createTestContext, type TestContext } from "../harness.js";
import { buildTenantWorld, type TenantWorld } from "./fixtures.js";

let ctx: TestContext;
let a: TenantWorld;
let b: TenantWorld;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await buildTenantWorld(ctx, "Alfa");
  b = await buildTenantWorld(ctx, "Beta");
});
afterAll(() => ctx.close());

/** Every table with an org_id column is a tenant table; found from the catalogue, so new ones are covered. */
async function tenantTables(): Promise<{ table: string; forced: boolean; hasCustomer: boolean }[]> {
  const rows = await ctx.database.db.execute(sql`
    select c.relname as table, c.relforcerowsecurity as forced,
           exists (select 1 from information_schema.columns k where k.table_name = c.relname and k.column_name = 'customer_id') as "hasCustomer"
      from pg_class c join information_schema.columns col on col.table_name = c.relname and col.column_name = 'org_id'
     where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by 1`);
  return rows.rows as { table: string; forced: boolean; hasCustomer: boolean }[];
}

/** Raw reads with no WHERE clause: only row-level security can keep the other tenant's rows out. */
async function leaks(
  run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  table: string,
  own: { org: string; customer?: string },
) {
  const q = own.customer
    ? sql`select count(*)::int as n from ${sql.identifier(table)} where org_id <> ${own.org} or customer_id <> ${own.customer}`
    : sql`select count(*)::int as n from ${sql.identifier(table)} where org_id <> ${own.org}`;
  const r = await run((tx) => tx.execute(q));
  return (r.rows[0] as { n: number }).n;
}

async function visibleOwn(run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>, table: string, orgId: string) {
  const r = await run((tx) =>
    tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`),
  );
  return (r.rows[0] as { n: number }).n;
}

async function totalRows(table: string, orgId: string): Promise<number> {
  // As the owner role (RLS forced, but the test connection is a superuser), to know the data is there.
  const r = await ctx.database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`,
  );
  return (r.rows[0] as { n: number }).n;
}

describe("row-level security", () => {
  test("every tenant table forces row-level security", async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(14);
    expect(tables.filter((t) => !t.forced).map((t) => t.table)).toEqual([]);
  });

  test("a staff scope reads no row of another organisation, in any tenant table", async () => {
    for (const { table } of await tenantTables()) {
      expect(
        await leaks((fn) => withOrg(ctx.database.db, a.org.orgId, fn), table, { org: a.org.orgId }),
        table,
      ).toBe(0);
    }
  });

  test("a contact scope reads no row of another customer or organisation", async () => {
    const customer = a.customers[0].id;
    for (const { table, hasCustomer } of await tenantTables()) {
      const run = <T>(fn: (tx: Tx) => Promise<T>) => withContact(ctx.database.db, a.org.orgId, customer, fn);
      expect(
        await leaks(run, table, { org: a.org.orgId, customer: hasCustomer ? customer : undefined }),
        table,
      ).toBe(0);
    }
  });

  test("a staff scope sees every row of its own organisation: the policy grants what it must", async () => {
    for (const { table } of await tenantTables()) {
      expect(
        await visibleOwn((fn) => withOrg(ctx.database.db, a.org.orgId, fn), table, a.org.orgId),
        table,
      ).toBe(await totalRows(table, a.org.orgId));
    }
  });

  test("the check fails when a table's policy is dropped (test of the test)", async () => {
    const result = await ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`drop policy tenant_customer on invoices`);
        await tx.execute(
          sql`select set_config('app.scope', 'staff', true), set_config('app.org_id', ${a.org.orgId}, true)`,
        );
        await tx.execute(sql`set local role portico_app`);
        const r = await tx.execute(
          sql`select count(*)::int as n from invoices where org_id = ${a.org.orgId}`,
        );
        throw Object.assign(new Error("rollback"), { n: (r.rows[0] as { n: number }).n });
      })
      .catch((e: { n?: number }) => e.n ?? -1);
    expect(result).toBe(0);
    expect(await totalRows("invoices", a.org.orgId)).toBeGreaterThan(0);
  });

  test("the other tenant's rows exist, so the zero above is the policy's doing", async () => {
    for (const table of [
      "customers",
      "contacts",
      "invoices",
      "invoice_lines",
      "emails",
      "document_links",
      "taxes",
    ]) {
      expect(await totalRows(table, b.org.orgId), table).toBeGreaterThan(0);
    }
  });

  test("no scope set means no rows (fails closed)", async () => {
    const r = await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role portico_app`);
      return tx.execute(
        sql`select (select count(*) from invoices)::int + (select count(*) from customers)::int as n`,
      );
    });
    expect((r.rows[0] as { n: number }).n).toBe(0);
  });

  test("the system scope reaches only the sign-in and token tables", async () => {
    const n = await withSystem(ctx.database.db, async (tx) => {
      const r =
        await tx.execute(sql`select (select count(*) from invoices)::int + (select count(*) from customers)::int
        + (select count(*) from emails where kind = 'invoice_sent' and false)::int as n`);
      return (r.rows[0] as { n: number }).n;
    });
    expect(n).toBe(0);
  });

  test("the check catches a table whose policy is gone (test of the test)", async () => {
    // Inside a rolled-back transaction: with RLS off for invoices, the same raw read leaks.
    const leaked = await ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table invoices no force row level security`);
        await tx.execute(sql`alter table invoices disable row level security`);
        await tx.execute(
          sql`select set_config('app.scope', 'staff', true), set_config('app.org_id', ${a.org.orgId}, true)`,
        );
        await tx.execute(sql`set local role portico_app`);
        const r = await tx.execute(
          sql`select count(*)::int as n from invoices where org_id <> ${a.org.orgId}`,
        );
        throw Object.assign(new Error("rollback"), { n: (r.rows[0] as { n: number }).n });
      })
      .catch((e: { n?: number }) => e.n ?? -1);
    expect(leaked).toBeGreaterThan(0);
    // And the rollback restored it.
    expect(
      await leaks((fn) => withOrg(ctx.database.db, a.org.orgId, fn), "invoices", { org: a.org.orgId }),
    ).toBe(0);
  });
});
