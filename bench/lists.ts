// The back-office lists at scale (issue 19, decision 058): `npm run bench -- lists` (or `npx tsx bench/lists.ts
// [repeats]`). Two organisations on PostgreSQL: a big one (200,000 invoices, 20,000 customers, a payment for
// each paid invoice) and a small one (2,000 invoices, 200 customers). For the invoice, customer and payment
// lists: the first page, a deep page (page.next followed 40 times, then that page timed) and filtered pages,
// p50 of `repeats` requests through app.inject as a staff member of each; the ratio big ÷ small of each (goal
// ≤ 1.3). The `…/totals` routes are timed too (informational: they read the whole filtered set).
// `LISTS_SCALE=0.05` shrinks the big organisation (not the small one) to develop on a shared machine. The
// server of DATABASE_URL or TEST_DATABASE_URL (a fresh database made there and dropped afterwards), else a
// throwaway cluster (scripts/pg-cluster.sh), as bench/growth.ts.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
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
import { buildOrg, type TestOrg } from "../src/server/test/factories.js";
import type { TestContext } from "../src/server/test/harness.js";
import { type ResultRow, runInfo, writeResult } from "./results.js";

const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  const root = join(import.meta.dirname, "..");
  const run = spawnSync(
    "bash",
    [join(root, "scripts/pg-cluster.sh"), "npx", "tsx", "bench/lists.ts", ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(run.status ?? 1);
}

const repeats = Number(process.argv[2] ?? 30);
const scale = Number(process.env.LISTS_SCALE ?? 1);
const GOAL = "<= 1.3";
const BIG = { invoices: Math.round(200_000 * scale), customers: Math.round(20_000 * scale) };
const SMALL = { invoices: 2_000, customers: 200 };
/** Pages followed before the deep page; its limit is chosen so the small organisation still has that many. */
const DEEP = 40;

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openContext(adminUrl: string): Promise<TestContext> {
  const name = `portico_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name}`);
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
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
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
async function seed(ctx: TestContext, org: TestOrg, size: { invoices: number; customers: number }) {
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
async function vacuum(ctx: TestContext) {
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Side {
  org: TestOrg;
  /** A customer with overdue invoices, for the filtered invoice page. */
  customerId: string;
}

async function firstCustomerWithOverdue(ctx: TestContext, org: TestOrg): Promise<string> {
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

async function main() {
  const ctx = await openContext(serverUrl as string);
  try {
    const t0 = performance.now();
    const sides: Record<"big" | "small", Side> = {} as Record<"big" | "small", Side>;
    for (const [label, size] of [
      ["small", SMALL],
      ["big", BIG],
    ] as const) {
      const org = await buildOrg(ctx, `Lists ${label}`);
      await seed(ctx, org, size);
      sides[label] = { org, customerId: await firstCustomerWithOverdue(ctx, org) };
    }
    console.log(
      `seeded ${BIG.invoices.toLocaleString("en")} invoices / ${BIG.customers.toLocaleString("en")} customers ` +
        `and ${SMALL.invoices.toLocaleString("en")} / ${SMALL.customers} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await vacuum(ctx);

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
    type Case = { label: string; goal: string; url: (s: Side) => string | Promise<string> };
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

    const rows: ResultRow[] = [];
    const lines: string[] = [];
    for (const c of cases) {
      const urls = { small: await c.url(sides.small), big: await c.url(sides.big) };
      // Warm up (plans, caches), then alternate the two so load drifts hit both alike.
      for (let r = 0; r < 5; r++) for (const k of ["small", "big"] as const) await request(sides[k], urls[k]);
      const times = { small: [] as number[], big: [] as number[] };
      for (let r = 0; r < repeats; r++) {
        times.small.push((await request(sides.small, urls.small)).ms);
        times.big.push((await request(sides.big, urls.big)).ms);
      }
      const [s, b] = [median(times.small), median(times.big)];
      const ratio = Number((b / s).toFixed(3));
      rows.push({
        measure: `${c.label} p50, ${BIG.invoices.toLocaleString("en")} invoices ÷ ${SMALL.invoices.toLocaleString("en")} (PostgreSQL)`,
        value: Number(b.toFixed(2)),
        baseline: Number(s.toFixed(2)),
        ratio,
        goal: c.goal,
        unit: "ms",
      });
      const met = c.goal === GOAL ? (ratio <= 1.3 ? "met" : "MISSED") : "";
      lines.push(
        `| ${c.label} | ${s.toFixed(2)} | ${b.toFixed(2)} | ${ratio.toFixed(2)} | ${c.goal === GOAL ? "≤ 1.3" : "info"} ${met} |`,
      );
    }
    const info = runInfo();
    console.log(
      `\nlists, p50 of ${repeats} through app.inject, PostgreSQL; big ${BIG.invoices.toLocaleString("en")} ` +
        `invoices / ${BIG.customers.toLocaleString("en")} customers, small ${SMALL.invoices.toLocaleString("en")} / ` +
        `${SMALL.customers} (release ${info.release}, ${info.cpus} cores, load average ${info.loadAverage.join(", ")})`,
    );
    console.log(`| page | small ms | big ms | big ÷ small | goal |\n|---|---:|---:|---:|---|`);
    for (const line of lines) console.log(line);
    writeResult("lists", rows);
  } finally {
    await ctx.close();
  }
}

await main();
