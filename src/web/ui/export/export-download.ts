/** The lists that export (issue 19) and the formats they export to. */
export type ExportList = "invoices" | "quotes" | "sales-orders" | "payments" | "customers";
export type ExportFormat = "csv" | "xlsx";

/** Paging is the list's, not the export's: every other filter and the sort go along. */
const NOT_EXPORTED = new Set(["after", "before", "last", "limit", "format"]);

/** `/api/<list>/export?format=…&<the list's filters and sort>`, empty values left out. */
export function exportUrl(list: ExportList, format: ExportFormat, query: Record<string, string | undefined>) {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(query))
    if (value && !NOT_EXPORTED.has(key)) params.set(key, value);
  return `/api/${list}/export?${params}`;
}

/** The file name the server gave (`attachment; filename="invoices-2026-12-07.csv"`), else a fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/** Rows written so far, counted from the CSV's line ends (the header line is not a row). */
export function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (const byte of chunk) if (byte === 0x0a) n += 1;
  return n;
}

export interface ExportProgress {
  bytes: number;
  /** Rows received (CSV only), and the total the server stated up front (X-Export-Rows). */
  rows: number | null;
  totalRows: number | null;
}

/** 0..1 when the total is known and rows can be counted; null otherwise (an indeterminate bar). */
export function progressRatio(p: ExportProgress): number | null {
  if (p.rows === null || !p.totalRows) return null;
  return Math.min(1, Math.max(0, p.rows / p.totalRows));
}

/**
 * Downloads an export: reads the body as it streams (bytes, and rows for a CSV), then hands the whole
 * file to the browser. A refusal (problem+json) throws its `detail`, which says what to do; `signal`
 * cancels the request and the reading.
 */
export async function downloadExport(
  url: string,
  format: ExportFormat,
  language: string,
  onProgress: (p: ExportProgress) => void,
  signal: AbortSignal,
): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(url, {
    headers: {
      Accept:
        "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json",
      "Accept-Language": language,
    },
    credentials: "same-origin",
    signal,
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw new ExportFailed(problem?.detail ?? null, res.status);
  }
  const stated = Number(res.headers.get("x-export-rows"));
  const totalRows = Number.isFinite(stated) && res.headers.has("x-export-rows") ? stated : null;
  const progress: ExportProgress = { bytes: 0, rows: format === "csv" ? -1 : null, totalRows };
  const chunks: Uint8Array[] = [];
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.bytes += value.byteLength;
      if (progress.rows !== null) progress.rows += countLines(value);
      onProgress({ ...progress, rows: progress.rows === null ? null : Math.max(0, progress.rows) });
    }
  }
  const type = res.headers.get("content-type") ?? "application/octet-stream";
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    filename: filenameOf(res.headers.get("content-disposition"), `export.${format}`),
  };
}

/** A refused or failed export: the server's explanation when it gave one. */
export class ExportFailed extends Error {
  constructor(
    readonly detail: string | null,
    readonly status: number,
  ) {
    super(detail ?? `export failed (${status})`);
    this.name = "ExportFailed";
  }
}
