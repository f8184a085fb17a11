import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { importJobs } from "../../db/schema/index.js";
import { withOrg, withSystem } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import type { JobHandler, PeriodicTask } from "../../jobs/job-types.js";
import { type AppliedCounts, applyCustomersInTx, applyInvoicesInTx } from "./apply.js";
import { readCsv } from "./csv-file.js";
import {
  emptyReport,
  enqueueImportJob,
  finishJob,
  IMPORT_JOB_KIND,
  lockOpenJob,
  planImport,
} from "./imports.service.js";

/** Records per transaction: each chunk is short, so other requests run between chunks (PGlite has one connection). */
export const IMPORT_CHUNK = { customers: 100, invoices: 25 } as const;

export interface RunOptions {
  /** Tests: stop (as a killed process would) after this many chunks are committed. */
  stopAfterChunks?: number;
  /** Benchmarks: how long each chunk's transaction held the connection. */
  onChunk?: (ms: number) => void;
}

export class ImportInterrupted extends Error {}

/**
 * Runs one import job to its end (decision 029). The file is planned again (every row checked against
 * the database as it is now): any problem fails the job with nothing written. Then the records are
 * written in chunks, each in one short transaction that also adds its rows to `rows_done` and its counts
 * to the report, so a process killed mid-way leaves whole chunks only; run again, the job plans again,
 * finds the records already written (the same keys that make a re-run of a file create no duplicates)
 * and writes only the rest, once. A job rolls forward to complete, never half.
 */
export async function runImportJob(
  db: Db,
  orgId: string,
  jobId: string,
  opts: RunOptions = {},
): Promise<void> {
  const start = await withOrg(db, orgId, async (tx) => {
    const job = await lockOpenJob(tx, jobId);
    if (!job) return null;
    const [kept] = await tx
      .select({ file: importJobs.file })
      .from(importJobs)
      .where(eq(importJobs.id, jobId));
    if (!kept?.file) return null;
    await tx
      .update(importJobs)
      .set({ status: "running", startedAt: job.startedAt ?? clock.now(), updatedAt: clock.now() })
      .where(eq(importJobs.id, jobId));
    return { ...job, file: kept.file };
  });
  if (!start) return;
  const job = start;
  const file = readCsv(start.file);
  const plan = await withOrg(db, orgId, (tx) => planImport(tx, orgId, job.kind, file, job.mapping));
  const report = job.report ?? emptyReport(plan.toSkip);
  if (plan.problems.length > 0) {
    await withOrg(db, orgId, (tx) =>
      finishJob(tx, jobId, "failed", {
        ...report,
        problems: plan.problems,
        errorCode: "IMPORT_HAS_PROBLEMS",
      }),
    );
    return;
  }
  if (!job.report) {
    const rowsTotal = plan.units.reduce((n, u) => n + u.rows, 0);
    await withOrg(db, orgId, (tx) =>
      tx.update(importJobs).set({ rowsTotal, rowsDone: 0, report }).where(eq(importJobs.id, jobId)),
    );
  }
  const size = IMPORT_CHUNK[job.kind];
  let chunks = 0;
  try {
    for (let at = 0; at < plan.units.length; at += size) {
      const units = plan.units.slice(at, at + size);
      const began = performance.now();
      await withOrg(db, orgId, async (tx) => {
        if (!(await lockOpenJob(tx, jobId))) throw new AppError("CONFLICT", [], "import job ended elsewhere");
        const counts: AppliedCounts =
          job.kind === "customers"
            ? await applyCustomersInTx(tx, orgId, units as Parameters<typeof applyCustomersInTx>[2])
            : await applyInvoicesInTx(
                tx,
                orgId,
                job.createdBy,
                units as Parameters<typeof applyInvoicesInTx>[3],
              );
        const rows = units.reduce((n, u) => n + u.rows, 0);
        await tx
          .update(importJobs)
          .set({
            rowsDone: sql`${importJobs.rowsDone} + ${rows}`,
            report: sql`jsonb_set(jsonb_set(jsonb_set(${importJobs.report},
              '{created}', to_jsonb((${importJobs.report}->>'created')::int + ${counts.created})),
              '{contacts}', to_jsonb((${importJobs.report}->>'contacts')::int + ${counts.contacts})),
              '{payments}', to_jsonb((${importJobs.report}->>'payments')::int + ${counts.payments}))`,
            updatedAt: clock.now(),
          })
          .where(eq(importJobs.id, jobId));
      });
      opts.onChunk?.(performance.now() - began);
      chunks++;
      if (opts.stopAfterChunks !== undefined && chunks >= opts.stopAfterChunks) throw new ImportInterrupted();
      // Let queued requests take the connection between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    if (err instanceof ImportInterrupted) throw err;
    const errorCode = err instanceof AppError ? err.code : "INTERNAL";
    await withOrg(db, orgId, async (tx) => {
      const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, jobId));
      await finishJob(tx, jobId, "failed", { ...(row?.report ?? report), errorCode });
    });
    return;
  }
  await withOrg(db, orgId, async (tx) => {
    const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, jobId));
    await finishJob(tx, jobId, "done", row?.report ?? report);
  });
}

/** The queued and running imports of every organisation, oldest first. */
export function findOpenJobs(db: Db): Promise<{ id: string; orgId: string }[]> {
  return withSystem(db, (tx) =>
    tx
      .select({ id: importJobs.id, orgId: importJobs.orgId })
      .from(importJobs)
      .where(sql`${importJobs.status} in ('queued', 'running')`)
      .orderBy(importJobs.createdAt),
  );
}

/** Runs an import job on the job runner (decision 036): enqueued with the import by `createImportJob`. */
export const importJobHandler: JobHandler<{ importJobId: string }> = {
  kind: IMPORT_JOB_KIND,
  maxAttempts: 3,
  run: (ctx, job) => runImportJob(ctx.database.db, job.orgId as string, job.payload.importJobId),
};

/**
 * Imports left queued or running without a job of their own (made before the job runner) get one, so a
 * start resumes them; the others already have theirs (a stopped process's job is claimed again when its
 * lease ends). Idempotent: the job is keyed by the import.
 */
export const importResumeTask: PeriodicTask = {
  name: "imports.resume",
  everyMs: 60 * 60_000,
  async run(ctx) {
    const open = await findOpenJobs(ctx.database.db);
    if (open.length === 0) return;
    await withSystem(ctx.database.db, async (tx) => {
      for (const job of open) await enqueueImportJob(tx, job.orgId, job.id);
    });
  },
};
