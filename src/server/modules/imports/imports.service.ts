import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ImportJob,
  ImportKind,
  ImportMapping,
  ImportPreview,
  ImportProblem,
  ImportReport,
  importBody,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { importJobs } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { enqueueJob } from "../../jobs/enqueue-job.js";
import { resolveMapping } from "./columns.js";
import { type CsvFile, readCsv } from "./csv-file.js";
import { type CustomerUnit, planCustomers } from "./plan-customers.js";
import { type InvoiceUnit, planInvoices } from "./plan-invoices.js";

type ImportInput = z.output<typeof importBody>;
type JobRow = typeof importJobs.$inferSelect;

/** What an import will write: units of one record each (a customer with its contacts, an invoice with its payment). */
export interface ImportPlan {
  problems: ImportProblem[];
  units: (CustomerUnit | InvoiceUnit)[];
  toSkip: number;
}

/** What importing the file would do, read in one short transaction: nothing is written. */
export function planImport(
  tx: Tx,
  orgId: string,
  kind: ImportKind,
  file: CsvFile,
  mapping: ImportMapping,
): Promise<ImportPlan> {
  return kind === "customers"
    ? planCustomers(tx, orgId, file, mapping)
    : planInvoices(tx, orgId, file, mapping);
}

/** The preview (issue 12 §2): the detected (or chosen) mapping, the first rows, every row's problems. */
export async function previewImport(db: Db, orgId: string, input: ImportInput): Promise<ImportPreview> {
  const file = readCsv(input.csv);
  const mapping = resolveMapping(input.kind, file.headers, input.mapping);
  const plan = await withOrg(db, orgId, (tx) => planImport(tx, orgId, input.kind, file, mapping));
  return {
    kind: input.kind,
    headers: file.headers,
    delimiter: file.delimiter,
    mapping,
    rowCount: file.rows.length,
    sample: file.rows.slice(0, 10),
    problems: plan.problems,
    toCreate: plan.units.length,
    toSkip: plan.toSkip,
  };
}

export const toImportJob = (row: JobRow): ImportJob => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  fileName: row.fileName,
  rowsTotal: row.rowsTotal,
  rowsDone: row.rowsDone,
  report: row.report ?? null,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/** A queued job holding the file until it is done; the file is checked readable and in bounds first. */
export async function createImportJob(
  db: Db,
  orgId: string,
  userId: string,
  input: ImportInput,
): Promise<ImportJob> {
  const file = readCsv(input.csv);
  const mapping = resolveMapping(input.kind, file.headers, input.mapping);
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(importJobs)
      .values({
        orgId,
        kind: input.kind,
        fileName: input.fileName,
        file: input.csv,
        mapping,
        rowsTotal: file.rows.length,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new AppError("INTERNAL");
    await enqueueImportJob(tx, orgId, row.id);
    return toImportJob(row);
  });
}

export const IMPORT_JOB_KIND = "import.run";

/** The job that runs an import (`import-runner.ts`), keyed by the import: enqueued once. */
export function enqueueImportJob(tx: Tx, orgId: string, importJobId: string): Promise<void> {
  return enqueueJob(tx, { kind: IMPORT_JOB_KIND, orgId, payload: { importJobId }, key: importJobId });
}

export function getImportJob(db: Db, orgId: string, jobId: string): Promise<ImportJob> {
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, jobId));
    if (!row) throw new AppError("NOT_FOUND");
    return toImportJob(row);
  });
}

export const emptyReport = (skipped: number): ImportReport => ({
  created: 0,
  skipped,
  contacts: 0,
  payments: 0,
  problems: [],
  errorCode: null,
});

const { file: _file, ...jobColumns } = getTableColumns(importJobs);

/**
 * The job's row but its file (read once, when the job starts, not at every chunk), locked for this
 * transaction, or null once it is no longer to be worked on.
 */
export async function lockOpenJob(tx: Tx, jobId: string): Promise<Omit<JobRow, "file"> | null> {
  const [row] = await tx
    .select(jobColumns)
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), sql`${importJobs.status} in ('queued', 'running')`))
    .for("update");
  return row ?? null;
}

/** Ends a job: done or failed, its report, and the file let go. */
export async function finishJob(
  tx: Tx,
  jobId: string,
  status: "done" | "failed",
  report: ImportReport,
): Promise<void> {
  await tx
    .update(importJobs)
    .set({ status, report, file: null, finishedAt: clock.now(), updatedAt: clock.now() })
    .where(eq(importJobs.id, jobId));
}
