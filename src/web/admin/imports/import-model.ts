import type { ImportJob, ImportMapping, ImportProblem } from "../../../shared/contracts/index.js";

/** The problems of each row, rows in order (the preview lists every one, not only the first). */
export function problemsByRow(problems: ImportProblem[]): [number, ImportProblem[]][] {
  const rows = new Map<number, ImportProblem[]>();
  for (const p of problems) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  return [...rows.entries()].sort(([a], [b]) => a - b);
}

/** The job's progress, 0–100; a job that ended is at 100. */
export function progressPercent(job: Pick<ImportJob, "status" | "rowsDone" | "rowsTotal">): number {
  if (job.status === "done" || job.status === "failed") return 100;
  return job.rowsTotal > 0 ? Math.min(100, Math.floor((job.rowsDone * 100) / job.rowsTotal)) : 0;
}

export const isFinished = (job: Pick<ImportJob, "status"> | undefined) =>
  job?.status === "done" || job?.status === "failed";

/** A re-mapping: one field to another column (or none), the rest as they were. */
export const remap = (mapping: ImportMapping, field: string, column: string | null): ImportMapping => ({
  ...mapping,
  [field]: column,
});
