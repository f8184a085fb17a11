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
import { join } from "node:path";
import { BIG, GOAL, listCases, openContext, SMALL, seededSides } from "./lists-seed.js";
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main() {
  // LISTS_DB names a database kept between runs (seeded once); else a fresh one, dropped at the end.
  const ctx = await openContext(serverUrl as string, process.env.LISTS_DB || undefined);
  try {
    const sides = await seededSides(ctx);
    const { request, cases } = listCases(ctx);
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
