// Per-statement costs of the portal's main reads on PostgreSQL (issue 14), and an A/B of a SQL change in
// the same run: `npx tsx bench/statement-costs.ts [requests]` against a server started with
// `shared_preload_libraries=pg_stat_statements,auto_explain` and `pg_stat_statements.track_planning=on`
// (DATABASE_URL or TEST_DATABASE_URL; e.g. `PG_CLUSTER_OPTS="-c shared_preload_libraries=…"
// bash scripts/pg-cluster.sh …`). Fresh databases are made there and dropped.
//
// Seeds the growth bench's customers (5 and 5,000 documents) and signs them in. Then, for each endpoint and
// customer: warm-up, pg_stat_statements reset, the requests through app.inject, and each statement's calls,
// mean planning and execution time (ms) and buffers, with the p50 of the whole request.
// - `AB_SQL=file.sql`: a second, identical database with that SQL run as its owner after migrating (e.g.
//   the previous form of something a migration changed); the two apps are then loaded alternately, request
//   by request, so the machine's load hits both alike, and both are printed ("A" = as migrated, "B").
// - `ENDPOINTS=/home,detail` runs only those; `EXPLAIN=1` logs `EXPLAIN (ANALYZE, BUFFERS)` of every
//   statement of one request per endpoint for the big customer to the server's log (auto_explain).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { invoices } from "../src/server/db/schema/index.js";
import { withOrg } from "../src/server/db/scope.js";
import { Mailer } from "../src/server/email/mailer.js";
import { defaultSeriesId } from "../src/server/modules/documents/numbering.js";
import { GOOD_PASSWORD, login, setPassword } from "../src/server/modules/portal-auth/test-helpers.js";
import { buildCustomer, buildOrg, type TestOrg } from "../src/server/test/factories.js";
import type { TestContext } from "../src/server/test/harness.js";

const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("DATABASE_URL or TEST_DATABASE_URL (a server with pg_stat_statements)");
const requests = Number(process.argv[2] ?? 100);
const config = loadConfig({ PUBLIC_URL: "https://portico.test", APP_SECRET: "bench-secret-0123456789" });
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();

/** The same documents as bench/growth.ts. */
async function seedDocuments(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  count: number,
  year: number,
) {
  await withOrg(ctx.database.db, org.orgId, async (tx) => {
    const seriesId = await defaultSeriesId(tx, "invoice");
    const today = Date.now();
    const first = today - 1_400 * 86_400_000;
    for (let from = 0; from < count; from += 500) {
      const rows = Array.from({ length: Math.min(500, count - from) }, (_, j) => {
        const i = from + j;
        const at = first + Math.floor((i * 1_400) / count) * 86_400_000;
        const total = 1_000 * ((i % 37) + 1);
        const kind = i % 50 === 0 ? "credit_note" : i % 10 === 0 ? "retainer" : "invoice";
        const settled = today - at > 90 * 86_400_000 && i % 40 !== 1;
        const paid = kind !== "credit_note" && settled ? total : 0;
        return {
          orgId: org.orgId,
          customerId,
          kind: kind as "invoice" | "retainer" | "credit_note",
          seriesId,
          number: `G${year}-${i}`,
          year,
          sequence: i + 1,
          status: (paid ? "paid" : "sent") as "paid" | "sent",
          issueDate: new Date(at).toISOString().slice(0, 10),
          dueDate: new Date(at + 30 * 86_400_000).toISOString().slice(0, 10),
          currency: "EUR",
          netMinor: total,
          totalMinor: total,
          subtotalMinor: total,
          paidMinor: paid,
          issuedAt: new Date(),
        };
      });
      await tx.insert(invoices).values(rows);
    }
  });
}

interface Variant {
  label: string;
  name: string;
  url: string;
  ctx: TestContext;
  stats: pg.Client;
  slug: string;
  customers: { label: string; cookie: string; invoiceId: string }[];
}

async function openVariant(label: string, extraSql?: string): Promise<Variant> {
  const name = `portico_stmt_${randomBytes(6).toString("hex")}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  const stats = new pg.Client({ connectionString: url.toString() });
  await stats.connect();
  await stats.query("create extension if not exists pg_stat_statements");
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrateDatabase(database);
  if (extraSql) await stats.query(extraSql);
  const mailer = new Mailer(config, database.db);
  const app = await buildApp({ database, config, mailer });
  await app.ready();
  const ctx: TestContext = {
    app,
    database,
    config,
    mailer,
    async close() {
      await app.close();
      mailer.close();
      await database.close();
    },
  };
  const org = await buildOrg(ctx, "Statement Org");
  const customers = [];
  for (const [clabel, count, year] of [
    ["5 documents", 5, 9001],
    ["5,000 documents", 5_000, 9000],
  ] as const) {
    const customer = await buildCustomer(ctx, org, clabel);
    await seedDocuments(ctx, org, customer.id, count, year);
    const contact = customer.contacts[0];
    if (!contact?.email) throw new Error("no contact");
    await setPassword(ctx, org, contact.id, GOOD_PASSWORD);
    const cookie = (await login(ctx, org, contact.email, GOOD_PASSWORD)).cookie;
    const { rows } = await stats.query(
      "select id from invoices where customer_id = $1 and kind = 'invoice' and paid_minor < total_minor order by issue_date desc limit 1",
      [customer.id],
    );
    customers.push({ label: clabel, cookie, invoiceId: rows[0].id as string });
  }
  await stats.query("vacuum analyze");
  return { label, name, url: url.toString(), ctx, stats, slug: org.slug, customers };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ENDPOINTS = [
  ["/home", () => "/home"],
  ["/me", () => "/me"],
  ["/invoices", () => "/invoices"],
  ["detail", (c: { invoiceId: string }) => `/invoices/${c.invoiceId}`],
] as const;

async function report(v: Variant, title: string, times: number[]) {
  const { rows } = await v.stats.query(
    `select calls, mean_plan_time, mean_exec_time, shared_blks_hit / greatest(calls, 1) as blks, toplevel, query
       from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
        and query not like '%pg_stat_statements%' order by mean_plan_time + mean_exec_time desc`,
  );
  let plan = 0;
  let exec = 0;
  const lines = [];
  for (const r of rows) {
    // Nested statements (inside the sign-in function) are listed but not added twice.
    if (r.toplevel) {
      plan += (r.mean_plan_time * r.calls) / requests;
      exec += (r.mean_exec_time * r.calls) / requests;
    }
    if (r.mean_plan_time + r.mean_exec_time < 0.02) continue;
    lines.push(
      `    ${r.toplevel ? " " : "~"}${String(r.calls).padStart(5)} plan ${r.mean_plan_time.toFixed(3)} exec ${r.mean_exec_time.toFixed(3)} blks ${String(r.blks).padStart(4)}  ${String(r.query).replace(/\s+/g, " ").slice(0, 100)}`,
    );
  }
  console.log(
    `  ${v.label} ${title}: p50 ${median(times).toFixed(2)} ms; database per request: plan ${plan.toFixed(3)}, exec ${exec.toFixed(3)} ms`,
  );
  if (!process.env.QUIET) for (const l of lines) console.log(l);
}

const variants = [await openVariant("A")];
if (process.env.AB_SQL) variants.push(await openVariant("B", readFileSync(process.env.AB_SQL, "utf8")));
try {
  for (const [label, path] of ENDPOINTS) {
    if (process.env.ENDPOINTS && !process.env.ENDPOINTS.split(",").includes(label)) continue;
    for (const ci of [0, 1]) {
      const get = async (v: Variant) => {
        const c = v.customers[ci] as Variant["customers"][number];
        const t = performance.now();
        const res = await v.ctx.app.inject({
          url: `/api/portal/${v.slug}${path(c)}`,
          headers: { cookie: c.cookie },
        });
        if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body}`);
        return performance.now() - t;
      };
      for (let i = 0; i < 20; i++) for (const v of variants) await get(v);
      for (const v of variants) await v.stats.query("select pg_stat_statements_reset()");
      const times = variants.map(() => [] as number[]);
      for (let i = 0; i < requests; i++)
        for (const [k, v] of variants.entries()) times[k]?.push(await get(v));
      console.log(`\n${label} (${variants[0]?.customers[ci]?.label}), ${requests} requests`);
      for (const [k, v] of variants.entries()) await report(v, label, times[k] ?? []);
    }
  }
  if (process.env.EXPLAIN) {
    for (const v of variants) {
      for (const setting of [
        "log_min_duration = 0",
        "log_analyze = on",
        "log_buffers = on",
        "log_nested_statements = on",
        // The test clusters log warnings and above only.
        "log_level = warning",
      ]) {
        await v.stats.query(`alter database ${v.name} set auto_explain.${setting}`);
      }
      const fresh = await openDatabase({ databaseUrl: v.url });
      const mailer = new Mailer(config, fresh.db);
      const app = await buildApp({ database: fresh, config, mailer });
      await app.ready();
      const big = v.customers[1] as Variant["customers"][number];
      for (const [, path] of ENDPOINTS) {
        await app.inject({ url: `/api/portal/${v.slug}${path(big)}`, headers: { cookie: big.cookie } });
      }
      await app.close();
      mailer.close();
      await fresh.close();
      console.log(`${v.label}: plans of database ${v.name} written to the server's log`);
    }
  }
} finally {
  for (const v of variants) {
    await v.ctx.close();
    await v.stats.end();
    await admin.query(`drop database if exists ${v.name} with (force)`);
  }
  await admin.end();
}
