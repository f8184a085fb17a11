// The figures a benchmark measured, written as bench/results/<name>.json so `npm run bench` (run-all.ts) can print
// every issue-14 ratio in one table at the end. A ratio is value ÷ baseline measured in the same run.
import { mkdirSync, writeFileSync } from "node:fs";
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

const dir = join(import.meta.dirname, "results");

export function meets(row: Pick<ResultRow, "ratio" | "goal">): boolean {
  const [op, limit] = row.goal.split(/\s+/);
  return op === ">=" ? row.ratio >= Number(limit) : row.ratio <= Number(limit);
}

export function writeResult(name: string, rows: ResultRow[]): void {
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ name, at, rows }, null, 2)}\n`);
}
