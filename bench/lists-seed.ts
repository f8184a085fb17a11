// The seed of the lists bench (issue 19): `bench/lists.ts` (timed pages) and `bench/lists-explain.ts` (their
// plans) share it. Two organisations seeded with set-based SQL; see bench/README.md "Lists".
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { withOrg } from "../src/server/db/scope.js";
import { Mailer } from "../src/server/email/mailer.js";
import { defaultSeriesId } from "../src/server/modules/documents/numbering.js";
import { buildOrg, loginStaff, type TestOrg } from "../src/server/test/factories.js";
import type { TestContext } from "../src/server/test/harness.js";

export const scale = Number(process.env.LISTS_SCALE ?? 1);
export const BIG = { invoices: Math.round(200_000 * scale), customers: Math.round(20_000 * scale) };
export const SMALL = { invoices: 2_000, customers: 200 };

export interface Side {
  org: TestOrg;
  /** A customer with overdue invoices, for the filtered invoice page. */
  customerId: string;
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The app on a database of the server at `adminUrl`: a fresh one (made now, dropped on close), or the
 * named one `keep` (kept on close, made if missing) so a seed can be reused between runs.
 */
export async function openContext(adminUrl: string, keep?: string): Promise<TestContext> {
  const name = keep ?? `portico_bench_${randomBytes(6).toString("hex")}`;
  const exists = await adminQuery(adminUrl, `select 1 from pg_database where datname = '${name}'`);
  if (!exists.rowCount) await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrateDatabase(database);
  const config = loadConfig({ PUBLIC_URL: "https://portico.test", APP_SECRET: "bench-secret-0123456789" });
  const mailer = new Mailer(config, database.db);
  const app = await buildApp({ database, config, mailer });
  await app.ready();
  return {
    app,
    database,
    config,
    mailer,
    async close() {
      await app.close();
      mailer.close();
      await database.close();
      if (!keep) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Set-based seed of one organisation: customers named in order, created a minute apart; issued invoices
 * spread over ~4 years (oldest first), each to the next customer in turn, the customer's name frozen in the
 * snapshot as issuing does; one in ten a retainer, one in fifty a credit note; those older than 90 days paid
 * but one in forty (still owed, overdue), the recent ones sent. Each paid invoice has its payment 20 days
 * after issue, allocated to it.
 */
export async function seed(ctx: TestContext, org: TestOrg, size: { invoices: number; customers: number }) {
  await withOrg(ctx.database.db, org.orgId, async (tx) => {
    const seriesId = await defaultSeriesId(tx, "invoice");
    await tx.execute(sql`
      insert into customers (org_id, name, currency, email, created_at)
      select ${org.orgId}::uuid, 'Customer ' || lpad(g::text, 6, '0'), 'EUR',
             'customer' || g || '@example.com', now() - make_interval(mins => ${size.customers} - g)
      from generate_series(1, ${size.customers}::int) g`);
    // Customers by rank, joined (not an array indexed per row: that copies the whole array for each invoice).
    await tx.execute(sql`
      with c as (select id, name, (row_number() over (order by name, id) - 1)::int rn
                 from customers where org_id = ${org.orgId}::uuid)
      insert into invoices (org_id, customer_id, kind, series_id, number, year, sequence, status, issue_date,
        due_date, currency, subtotal_minor, net_minor, total_minor, paid_minor, customer_snapshot, issued_at,
        sent_at, paid_at)
      select ${org.orgId}::uuid, c.id, s.kind, ${seriesId}::uuid, 'B9000-' || s.g, 9000, s.g,
             case when t.settled then 'paid' else 'sent' end, s.d, s.d + 30, 'EUR', s.amt, s.amt, s.amt,
             case when t.settled then s.amt else 0 end, jsonb_build_object('name', c.name),
             s.d::timestamptz, s.d::timestamptz, case when t.settled then (s.d + 20)::timestamptz end
      from (select g,
                   case when g % 50 = 0 then 'credit_note' when g % 10 = 0 then 'retainer' else 'invoice' end kind,
                   current_date - (1500 - (g::bigint * 1500 / ${size.invoices}::int))::int d,
                   1000 * ((g % 37) + 1) amt
            from generate_series(1, ${size.invoices}::int) g) s
      join c on c.rn = s.g % ${size.customers}::int
      cross join lateral (select s.kind <> 'credit_note' and s.d < current_date - 90 and s.g % 40 <> 1
                          as settled) t`);
    await tx.execute(sql`
      insert into payments (org_id, customer_id, number, amount_minor, currency, method, paid_on, reference,
        paid_at, created_at)
      select org_id, customer_id, 'RC-' || sequence, total_minor, 'EUR', 'transfer', issue_date + 20, id::text,
             (issue_date + 20)::timestamptz, (issue_date + 20)::timestamptz
      from invoices where org_id = ${org.orgId}::uuid and status = 'paid'`);
    await tx.execute(sql`
      insert into allocations (org_id, customer_id, payment_id, invoice_id, amount_minor, applied_on)
      select p.org_id, p.customer_id, p.id, p.reference::uuid, p.amount_minor, p.paid_on
      from payments p where p.org_id = ${org.orgId}::uuid`);
  });
}

/** Vacuum until the visibility map covers the list's tables (index-only scans need it), then analyse. */
export async function vacuum(ctx: TestContext) {
  const tables = ["invoices", "customers", "payments", "allocations"];
  for (const table of tables) {
    let r: { relpages: number; relallvisible: number } | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      await ctx.database.db.execute(sql.raw(`vacuum analyze ${table}`));
      const vm = (await ctx.database.db.execute(
        sql.raw(`select relpages, relallvisible from pg_class where relname = '${table}'`),
      )) as unknown as { rows: { relpages: number; relallvisible: number }[] };
      r = vm.rows[0];
      if (r && r.relallvisible >= r.relpages) break;
      await new Promise((done) => setTimeout(done, 500));
    }
    console.log(`${table}: ${r?.relallvisible} of ${r?.relpages} pages all-visible after vacuum analyze`);
  }
  await ctx.database.db.execute(sql.raw("vacuum analyze"));
}

export async function firstCustomerWithOverdue(ctx: TestContext, org: TestOrg): Promise<string> {
  return withOrg(ctx.database.db, org.orgId, async (tx) => {
    const r = (await tx.execute(sql`
      select customer_id from invoices where org_id = ${org.orgId}::uuid and kind = 'invoice'
        and status = 'sent' and due_date < current_date order by sequence limit 1`)) as unknown as {
      rows: { customer_id: string }[];
    };
    const id = r.rows[0]?.customer_id;
    if (!id) throw new Error("no customer with overdue invoices");
    return id;
  });
}

/**
 * The two seeded organisations, small then big: seeded now, or (in a kept database that has them) found
 * again and signed in anew. The sizes, ids and owners are kept in `bench_lists_state` (outside the schema).
 */
export async function seededSides(ctx: TestContext): Promise<Record<"big" | "small", Side>> {
  const db = ctx.database.db;
  await db.execute(
    sql.raw(`create table if not exists bench_lists_state (label text primary key,
    invoices int not null, org_id uuid not null, email text not null, password text not null,
    customer_id uuid not null)`),
  );
  type Row = {
    label: string;
    invoices: number;
    org_id: string;
    email: string;
    password: string;
    customer_id: string;
  };
  const kept = ((await db.execute(sql.raw("select * from bench_lists_state"))) as unknown as { rows: Row[] })
    .rows;
  const sides = {} as Record<"big" | "small", Side>;
  const t0 = performance.now();
  let seeded = false;
  for (const [label, size] of [
    ["small", SMALL],
    ["big", BIG],
  ] as const) {
    const row = kept.find((r) => r.label === label && r.invoices === size.invoices);
    if (row) {
      const cookie = await loginStaff(ctx, row.email, row.password);
      const org = { orgId: row.org_id, slug: "", email: row.email, password: row.password, cookie };
      sides[label] = { org, customerId: row.customer_id };
      continue;
    }
    const org = await buildOrg(ctx, `Lists ${label}`);
    await seed(ctx, org, size);
    const customerId = await firstCustomerWithOverdue(ctx, org);
    sides[label] = { org, customerId };
    await db.execute(sql`insert into bench_lists_state values (${label}, ${size.invoices}, ${org.orgId}::uuid,
      ${org.email}, ${org.password}, ${customerId}::uuid)
      on conflict (label) do update set invoices = excluded.invoices, org_id = excluded.org_id,
        email = excluded.email, password = excluded.password, customer_id = excluded.customer_id`);
    seeded = true;
  }
  if (seeded) {
    console.log(
      `seeded ${BIG.invoices.toLocaleString("en")} invoices / ${BIG.customers.toLocaleString("en")} customers ` +
        `and ${SMALL.invoices.toLocaleString("en")} / ${SMALL.customers} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await vacuum(ctx);
  }
  return sides;
}

export const GOAL = "<= 1.3";
/** Pages followed before the deep page; its limit is chosen so the small organisation still has that many. */
export const DEEP = 40;

export type Case = { label: string; goal: string; url: (s: Side) => string | Promise<string> };

/** The pages the bench times (and lists-explain.ts explains), and the request that reads one. */
export function listCases(ctx: TestContext) {
  const request = async (side: Side, url: string) => {
    const t = performance.now();
    const res = await ctx.app.inject({ url, headers: { cookie: side.org.cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return { ms, body: res.json() as { page?: { next: string | null } } };
  };
  /** The URL of the page reached by following page.next DEEP times from `base`. */
  const deepUrl = async (side: Side, base: string) => {
    let url = base;
    for (let i = 0; i < DEEP; i++) {
      const next = (await request(side, url)).body.page?.next;
      if (!next) throw new Error(`${base}: only ${i + 1} pages`);
      url = `${base}&after=${encodeURIComponent(next)}`;
    }
    return url;
  };

  const from = (days: number) => {
    const d = new Date(Date.now() - days * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const cases: Case[] = [
    { label: "invoices first page", goal: GOAL, url: () => "/api/invoices?limit=50" },
    {
      label: `invoices deep page (${DEEP} × 25)`,
      goal: GOAL,
      url: (s) => deepUrl(s, "/api/invoices?limit=25"),
    },
    {
      label: "invoices overdue + one customer",
      goal: GOAL,
      url: (s) => `/api/invoices?limit=50&overdue=true&customerId=${s.customerId}`,
    },
    {
      label: "invoices sent + date range",
      goal: GOAL,
      url: () => `/api/invoices?limit=50&status=sent&from=${from(400)}&to=${from(0)}`,
    },
    { label: "customers first page", goal: GOAL, url: () => "/api/customers?limit=50" },
    {
      label: `customers deep page (${DEEP} × 4)`,
      goal: GOAL,
      url: (s) => deepUrl(s, "/api/customers?limit=4"),
    },
    {
      label: "customers search q=Customer 0001",
      goal: GOAL,
      url: () => "/api/customers?limit=50&q=Customer%200001",
    },
    { label: "payments first page", goal: GOAL, url: () => "/api/payments?limit=50" },
    {
      label: `payments deep page (${DEEP} × 25)`,
      goal: GOAL,
      url: (s) => deepUrl(s, "/api/payments?limit=25"),
    },
    {
      label: "payments date range",
      goal: GOAL,
      url: () => `/api/payments?limit=50&from=${from(800)}&to=${from(400)}`,
    },
    {
      label: "invoices totals, overdue (info)",
      goal: "informational",
      url: () => "/api/invoices/totals?overdue=true",
    },
    { label: "invoices totals, all (info)", goal: "informational", url: () => "/api/invoices/totals" },
    { label: "payments totals, all (info)", goal: "informational", url: () => "/api/payments/totals" },
    { label: "customers totals, all (info)", goal: "informational", url: () => "/api/customers/totals" },
  ];
  return { request, cases };
}
