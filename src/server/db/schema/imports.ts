import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { ImportKind, ImportMapping, ImportReport } from "../../../shared/contracts/imports.js";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";

export const importJobStatuses = ["queued", "running", "done", "failed"] as const;

/**
 * A CSV import (issue 12 §2, decision 029), run in the background by `modules/imports/import-runner.ts`.
 * The file is kept until the job ends, so a restart resumes it; `rows_done` is written in the same
 * transaction as each applied chunk, so a resumed job starts exactly after the last committed chunk.
 * The runner finds queued and running jobs of every organisation at start (system scope, migration 0017).
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: rowId(),
    orgId: orgId(),
    kind: text("kind", { enum: ["customers", "invoices"] })
      .$type<ImportKind>()
      .notNull(),
    status: text("status", { enum: importJobStatuses }).notNull().default("queued"),
    fileName: text("file_name").notNull(),
    /** The CSV text; cleared when the job is done or failed. */
    file: text("file"),
    mapping: jsonb("mapping").$type<ImportMapping>().notNull(),
    rowsTotal: integer("rows_total").notNull().default(0),
    rowsDone: integer("rows_done").notNull().default(0),
    report: jsonb("report").$type<ImportReport>(),
    createdBy: uuid("created_by").notNull(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("import_jobs", t),
    index("import_jobs_id_idx").on(t.id),
    index("import_jobs_org_idx").on(t.orgId, t.createdAt),
    index("import_jobs_status_idx").on(t.status),
  ],
);
