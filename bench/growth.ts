// Flat growth (issue 14): `npx tsx bench/growth.ts [repeats]`. A customer with 5,000 issued documents
// against one with 5, the p50 of the portal's `GET /home` and of the invoice list's first page through
// app.inject, and the ratio big ÷ small of each (goal ≤ 1.15). On PostgreSQL, as the issue measures it: the
// server of DATABASE_URL or TEST_DATABASE_URL (a fresh database made there and dropped afterwards), else a
// throwaway cluster (scripts/pg-cluster.sh). `GROWTH_ON=pglite` measures PGlite in memory instead.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { type Database, openDatabase } from "../src/server/db/client.js";
import { migrateDatabase } from "../src/server/db/migrate.js";
import { invoices } from "../src/server/db/schema/index.js";
import { withOrg } from "../src/server/db/scope.js";
import { Mailer } from "../src/server/email/mailer.js";
import { defaultSeriesId } from "../src/server/modules/documents/numbering.js";
import { GOOD_PASSWORD, login, setPassword } from "../src/server/modules/portal-auth/test-helpers.js";
import { buildCustomer, buildOrg, type TestOrg } from "../src/server/test/factories.js";
import type { TestContext } from "../src/server/test/harness.js";
import { type ResultRow, writeResult } from "./results.js";

const onPglite = process.env.GROWTH_ON === "pglite";
const serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!onPglite && !serverUrl) {
  // No server given: run this same bench again inside a throwaway cluster, as bench/http.ts does.
  const root = join(import.meta.dirname, "..");
  const run = spawnSync(
    "bash",
    [join(root, "scripts/pg-cluster.sh"), "npx", "tsx", "bench/growth.ts", ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit" },
  );
  process.exit(run.status ?? 1);
}

const repeats = Number(process.argv[2] ?? 200);
const GOAL = "<= 1.15";

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The app on a fresh database: a new one on the PostgreSQL server, or PGlite in memory (`GROWTH_ON=pglite`). */
async function openContext(): Promise<{ ctx: TestContext; engine: string }> {
  const adminUrl = onPglite ? undefined : serverUrl;
  let database: Database;
  let drop = async () => {};
  if (adminUrl) {
    const name = `portico_bench_${randomBytes(6).toString("hex")}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString() });
    drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  } else {
    database = await openDatabase({ dataDir: "memory://" });
  }
  await migrateDatabase(database);
  const config = loadConfig({ PUBLIC_URL: "https://portico.test", APP_SECRET: "bench-secret-0123456789" });
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
      await drop();
    },
  };
  return { ctx, engine: adminUrl ? "PostgreSQL" : "PGlite" };
}

/**
 * Issued documents written straight to the table (issuing 5,000 through the API would take minutes and is
 * not what is measured), as a customer who pays builds them up: one every few days over ~4 years, in date
 * order; those of the last 90 days still open (sent), the older ones paid but one in forty, still owed and
 * overdue; one in ten a retainer, one in fifty a credit note. Which documents are open matters: the home
 * sums what is owed, so its cost follows the open invoices (see decision 032).
 */
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
        const day = new Date(at).toISOString().slice(0, 10);
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
          issueDate: day,
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

async function contactCookie(ctx: TestContext, org: TestOrg, name: string, count: number, year: number) {
  const customer = await buildCustomer(ctx, org, name);
  await seedDocuments(ctx, org, customer.id, count, year);
  const contact = customer.contacts[0];
  if (!contact?.email) throw new Error("no contact");
  await setPassword(ctx, org, contact.id, GOOD_PASSWORD);
  return (await login(ctx, org, contact.email, GOOD_PASSWORD)).cookie;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main() {
  const { ctx, engine } = await openContext();
  try {
    const org = await buildOrg(ctx, "Growth Org");
    const small = await contactCookie(ctx, org, "Small Customer", 5, 9001);
    const big = await contactCookie(ctx, org, "Big Customer", 5_000, 9000);
    // A database in use has been vacuumed and analysed (autovacuum): statistics and the visibility map.
    if (engine === "PostgreSQL") {
      // Index-only scans need pages marked all-visible. A vacuum that overlaps another transaction (the app's
      // own background work) may mark none: vacuum again, a few times, until the map covers the table, and
      // print what it reached, so a run can be judged by it.
      let r: { relpages: number; relallvisible: number } | undefined;
      for (let attempt = 0; attempt < 5; attempt++) {
        await ctx.database.db.execute("vacuum analyze invoices");
        const vm = (await ctx.database.db.execute(
          "select relpages, relallvisible from pg_class where relname = 'invoices'",
        )) as unknown as { rows: { relpages: number; relallvisible: number }[] };
        r = vm.rows[0];
        if (r && r.relallvisible >= r.relpages) break;
        await new Promise((done) => setTimeout(done, 500));
      }
      await ctx.database.db.execute("vacuum analyze");
      console.log(`invoices: ${r?.relallvisible} of ${r?.relpages} pages all-visible after vacuum analyze`);
    }
    const get = async (cookie: string, path: string) => {
      const t = performance.now();
      const res = await ctx.app.inject({ url: `/api/portal/${org.slug}${path}`, headers: { cookie } });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return ms;
    };
    const rows: ResultRow[] = [];
    for (const [label, path] of [
      ["/home", "/home"],
      ["/invoices first page", "/invoices"],
    ] as const) {
      // Warm up (plans, caches), then alternate the two customers so load drifts hit both alike.
      for (let r = 0; r < 20; r++) for (const c of [small, big]) await get(c, path);
      const times = { small: [] as number[], big: [] as number[] };
      for (let r = 0; r < repeats; r++) {
        times.small.push(await get(small, path));
        times.big.push(await get(big, path));
      }
      const [s, b] = [median(times.small), median(times.big)];
      const row: ResultRow = {
        measure: `${label} p50, customer with 5,000 invoices ÷ one with 5 (${engine})`,
        value: Number(b.toFixed(2)),
        baseline: Number(s.toFixed(2)),
        ratio: Number((b / s).toFixed(3)),
        goal: GOAL,
        unit: "ms",
      };
      rows.push(row);
      console.log(
        `${label.padEnd(22)} 5 invoices ${s.toFixed(2).padStart(7)} ms, 5,000 ${b.toFixed(2).padStart(7)} ms, ` +
          `ratio ${row.ratio.toFixed(3)} (goal ${GOAL}; p50 of ${repeats}, ${engine})`,
      );
    }
    writeResult("growth", rows);
  } finally {
    await ctx.close();
  }
}

await main();
