// `npm run bench`: every benchmark of this folder in turn, each in its own process (so one's memory
// figures are not another's), with its default arguments; `npm run bench -- http pdf` runs only those.
// They assert nothing. At the end, ONE table of every issue-14 ratio, read from the bench/results/*.json
// the benchmarks of THIS run wrote (results.ts); a measure whose bench did not run (or wrote nothing) in
// this run shows "not run". The table is also written as bench/results/summary.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { meets, type ResultFile, type ResultRow, resultsDir, runInfo } from "./results.js";

const BENCHES = [
  "http",
  "growth",
  "first-load",
  "pdf",
  "statement-pdf",
  "startup",
  "portal-invoices",
  "forgot-password",
  "import",
  "scale",
  "export",
  "lists",
];

/** The rows of issue 14's table, by the bench that measures them (what "not run" lists when it did not run). */
const ISSUE_14: { bench: string; measures: string[] }[] = [
  {
    bench: "http",
    measures: [
      "portal /home on PostgreSQL ÷ bare Fastify + pg scope transaction",
      "portal /me, /invoices, /invoices/{id} on PostgreSQL ÷ the same baseline",
      "the same endpoints on PGlite ÷ on PostgreSQL",
      "p99 at 50 connections on PGlite",
    ],
  },
  {
    bench: "growth",
    measures: [
      "/home p50, customer with 5,000 invoices ÷ one with 5 (PostgreSQL)",
      "/invoices first page, same",
    ],
  },
  {
    bench: "first-load",
    measures: [
      "portal first load, bytes on the wire",
      "first contentful paint, slow 4G ÷ the same files gzip -9",
    ],
  },
  { bench: "pdf", measures: ["invoice PDF, 20 lines ÷ bare pdfkit"] },
  { bench: "statement-pdf", measures: ["statement PDF, 10,000 lines"] },
  { bench: "startup", measures: ["`npm start` ready on an existing database ÷ bare Fastify + pg starting"] },
];

const runStarted = new Date().toISOString();
const chosen = process.argv.length > 2 ? process.argv.slice(2) : BENCHES;
for (const name of chosen) {
  if (!existsSync(join(import.meta.dirname, `${name}.ts`))) {
    console.log(`\n== bench/${name}.ts is not there: skipped`);
    continue;
  }
  console.log(`\n== bench/${name}.ts`);
  const run = spawnSync("npx", ["tsx", `bench/${name}.ts`], { stdio: "inherit" });
  if (run.status !== 0) process.exitCode = 1;
}

/** The file a bench wrote in this run, or null (not run, failed before writing, or left from an earlier run). */
function thisRun(bench: string): ResultFile | null {
  const path = join(resultsDir, `${bench}.json`);
  if (!existsSync(path)) return null;
  const file = JSON.parse(readFileSync(path, "utf8")) as ResultFile;
  return file.at >= runStarted ? file : null;
}

interface SummaryRow {
  bench: string;
  measure: string;
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  goal: string | null;
  unit: string | null;
  /** "met", "missed", or "not run". */
  status: "met" | "missed" | "not run";
}

const summary: SummaryRow[] = [];
for (const { bench, measures } of ISSUE_14) {
  const file = thisRun(bench);
  if (!file) {
    for (const measure of measures)
      summary.push({
        bench,
        measure,
        value: null,
        baseline: null,
        ratio: null,
        goal: null,
        unit: null,
        status: "not run",
      });
    continue;
  }
  for (const row of file.rows as (ResultRow & { ratio: number | null })[]) {
    const ratio = typeof row.ratio === "number" && Number.isFinite(row.ratio) ? row.ratio : null;
    summary.push({
      bench,
      ...row,
      ratio,
      status: ratio !== null && meets({ ratio, goal: row.goal }) ? "met" : "missed",
    });
  }
}

const fmt = (n: number | null, digits: number) =>
  n === null || !Number.isFinite(n)
    ? "—"
    : n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const digits = (n: number | null) => (n !== null && Math.abs(n) >= 100 ? 0 : 1);
const table = [
  ["bench", "measure", "value", "baseline", "ratio", "goal", ""],
  ...summary.map((r) =>
    r.status === "not run"
      ? [r.bench, r.measure, "", "", "", "", "not run"]
      : [
          r.bench,
          r.measure,
          `${fmt(r.value, digits(r.value))} ${r.unit ?? ""}`.trim(),
          r.baseline === null ? "" : fmt(r.baseline, digits(r.baseline)),
          // Without a baseline the goal reads the value itself, already in the value column.
          r.baseline === null ? "" : fmt(r.ratio, 3),
          r.goal ?? "",
          r.status,
        ],
  ),
];
const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length))) ?? [];
const info = runInfo();
console.log(
  `\n== issue 14: every ratio of this run (release ${info.release}, ${info.cpus} cores, ` +
    `load average ${info.loadAverage.join(", ")})`,
);
for (const [i, row] of table.entries()) {
  console.log(
    row
      .map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
console.log("(`npm test` on a fresh clone, issue 14's last row, is timed by hand: see bench/README.md)");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, "summary.json"),
  `${JSON.stringify({ at: new Date().toISOString(), run: info, rows: summary }, null, 2)}\n`,
);
