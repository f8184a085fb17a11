import type { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { eachBatch } from "./export-cursor.js";
import type { ExportSource } from "./export-lists.js";
import {
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  type ExportLanguage,
  exportWriter,
} from "./export-writer.js";

/** The most rows one export writes (decision 059): a larger list is narrowed by its filters first. */
export const EXPORT_MAX_ROWS = 100_000;
let maxRows = EXPORT_MAX_ROWS;
/** Tests lower the bound instead of writing 100,000 rows. */
export function setExportMaxRows(n: number = EXPORT_MAX_ROWS): void {
  maxRows = n;
}

export interface ExportFile {
  stream: Readable;
  filename: string;
  contentType: string;
  /** The rows counted before writing (the X-Export-Rows header the web's progress reads). */
  rows: number;
}

/**
 * Exports a filtered list (issue 19): a short transaction counts the matching rows (over the bound: a
 * problem+json refusal, nothing written) and reads the organisation's "today" (for overdue and the file's
 * name); then the rows are read through one cursor in batches and each batch is written to the file
 * already flowing to the client, so memory holds a batch, not the list. A failure after the count ends the
 * stream with an error (the client gets a cut-off download, which the web reports).
 */
export async function startExport<R>(
  db: Db,
  orgId: string,
  sourceOf: (today: string) => ExportSource<R>,
  format: ExportFormat,
  lang: ExportLanguage,
): Promise<ExportFile> {
  const { source, rows, today } = await withOrg(db, orgId, async (tx) => {
    const org = await loadOrganisation(tx, orgId);
    const day = clock.today(org.timeZone);
    const s = sourceOf(day);
    const result = await tx.execute(sql`select count(*)::int as n ${s.from}`);
    const [counted] = (result as unknown as { rows: { n: number }[] }).rows;
    return { source: s, rows: Number(counted?.n ?? 0), today: day };
  });
  if (rows > maxRows) throw new AppError("EXPORT_TOO_LARGE", [], undefined, { rows, maxRows });
  const writer = exportWriter(format, source.columns, lang, source.list);
  // The route's reply reports a failure; this keeps one after the reply ended from being unhandled.
  writer.stream.on("error", () => undefined);
  const query = sql`${source.select} ${source.from} order by ${source.orderBy} limit ${maxRows}`;
  (async () => {
    await eachBatch<R>(db, orgId, query, (batch) => writer.write(batch));
    await writer.finish();
  })().catch((err: unknown) => {
    if (!writer.stream.destroyed) writer.stream.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return {
    stream: writer.stream,
    filename: `${source.list}-${today}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    rows,
  };
}
