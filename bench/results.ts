// The figures a benchmark measured, written as bench/results/<name>.json so `npm run bench` (run-all.ts) can print
// every issue-14 ratio in one table at the end. A ratio is value ÷ baseline measured in the same run.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";

export interface ResultRow {
  /** What was measured, as the table names it (e.g. "portal /home on PostgreSQL ÷ bare Fastify + pg"). */
  measure: string;
  value: number;
  baseline: number | null;
  /** value ÷ baseline (or the value itself when there is no baseline), as the goal compares it. */
  ratio: number;
  /** The goal, e.g. ">= 0.25" or "<= 1.15". */
  goal: string;
  unit: string;
}

export const resultsDir = join(import.meta.dirname, "results");

/** What bench/README.md records beside each figure: the release measured and the machine it ran on. */
export interface RunInfo {
  /** package.json's version and the commit, e.g. "0.1.0 (b6022d9)". */
  release: string;
  cpus: number;
  /** 1, 5 and 15 minute load averages when the file was written. */
  loadAverage: number[];
  node: string;
}

export function runInfo(): RunInfo {
  const root = join(import.meta.dirname, "..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  let commit = "unknown commit";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  return {
    release: `${version} (${commit})`,
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
  };
}

export function meets(row: Pick<ResultRow, "ratio" | "goal">): boolean {
  const [op, limit] = row.goal.split(/\s+/);
  return op === ">=" ? row.ratio >= Number(limit) : row.ratio <= Number(limit);
}

/** The file of one benchmark: its rows, when and where they were measured, and any raw figures it keeps. */
export interface ResultFile {
  name: string;
  at: string;
  run: RunInfo;
  rows: ResultRow[];
  details?: Record<string, unknown>;
}

/** Writes bench/results/<name>.json; `details` holds raw figures behind the rows (optional). */
export function writeResult(name: string, rows: ResultRow[], details?: Record<string, unknown>): void {
  mkdirSync(resultsDir, { recursive: true });
  const file: ResultFile = { name, at: new Date().toISOString(), run: runInfo(), rows, details };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(file, null, 2)}\n`);
}
