import { z } from "zod";
import { uuid } from "./common.js";

/**
 * CSV import (issue 12 §2, decision 029): customers with their contacts, past invoices with their
 * payments. The fields each kind maps columns onto are listed here once, for the server's parser and the
 * back office's re-mapping.
 */
export const IMPORT_KINDS = ["customers", "invoices"] as const;
export const importKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKind>;

export const IMPORT_FIELDS = {
  customers: [
    ...["externalId", "name", "legalName", "taxId", "email", "phone", "addressLine1", "addressLine2"],
    ...["city", "postalCode", "region", "country", "currency", "language", "paymentTermsDays", "notes"],
    ...["contactName", "contactFirstName", "contactLastName", "contactEmail", "contactPhone"],
  ],
  invoices: [
    ...["number", "issueDate", "dueDate", "customerExternalId", "customerName", "customerTaxId", "currency"],
    ...["description", "quantity", "unitPrice", "taxRate", "total", "paidAmount", "balance", "paymentDate"],
    ...["paymentMethod", "paymentReference", "notes"],
  ],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField<K extends ImportKind = ImportKind> = (typeof IMPORT_FIELDS)[K][number];

/** The fields a kind cannot do without: a row lacking one is reported. */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  customers: ["name"],
  invoices: ["number", "issueDate", "unitPrice"],
};

/** Field → the file's column header it is read from (null: not imported). */
export const importMapping = z.record(z.string().max(60), z.string().max(200).nullable());
export type ImportMapping = z.infer<typeof importMapping>;

/** The largest file and the most data rows one import takes (IMPORT_FILE_TOO_LARGE, IMPORT_TOO_MANY_ROWS). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const importBody = z.object({
  kind: importKind,
  fileName: z.string().trim().min(1).max(200),
  /** The file's text (the browser reads it as UTF-8). A character is at least a byte, so a text over this
   * many characters is over MAX_IMPORT_BYTES too; the service checks the bytes (IMPORT_FILE_TOO_LARGE). */
  csv: z.string().max(MAX_IMPORT_BYTES),
  /** The person's re-mapping from the preview; omitted fields keep the detected column. */
  mapping: importMapping.optional(),
});
export type ImportBody = z.input<typeof importBody>;

/** One problem of one row and field; `row` is the data row's number (1 = the first row under the header). */
export const importProblem = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importPreview = z.object({
  kind: importKind,
  headers: z.array(z.string()),
  delimiter: z.enum([",", ";"]),
  mapping: importMapping,
  rowCount: z.number().int(),
  /** The first rows as read, by column. */
  sample: z.array(z.array(z.string())),
  /** Every row's problems (nothing is written while any remain). */
  problems: z.array(importProblem),
  /** What the import would do: records new to the organisation, and rows already imported (skipped). */
  toCreate: z.number().int(),
  toSkip: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importReport = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  contacts: z.number().int(),
  payments: z.number().int(),
  problems: z.array(importProblem),
  /** Why a job failed when it was not a row's problem (an error code of the table). */
  errorCode: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importJob = z.object({
  id: uuid,
  kind: importKind,
  status: z.enum(["queued", "running", "done", "failed"]),
  fileName: z.string(),
  rowsTotal: z.number().int(),
  rowsDone: z.number().int(),
  report: importReport.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
