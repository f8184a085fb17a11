import { parse } from "csv-parse/sync";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "../../../shared/contracts/index.js";
import { AppError } from "../../errors/errors.js";

export interface CsvFile {
  headers: string[];
  rows: string[][];
  delimiter: "," | ";";
}

/**
 * The delimiter is the one of "," and ";" that appears more often in the header line outside quotes
 * (a spreadsheet in a comma-decimal locale writes ";"); a tie is ",".
 */
export function detectDelimiter(text: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch === ",") commas++;
    else if (!inQuotes && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Reads a whole CSV file: BOM dropped, quoted fields, blank lines skipped, bounded in size and rows. */
export function readCsv(text: string): CsvFile {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES)
    throw new AppError("IMPORT_FILE_TOO_LARGE", [
      {
        field: "body.csv",
        message: "file too large",
        code: "file_too_large",
        params: { maximum: MAX_IMPORT_BYTES },
      },
    ]);
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(body);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // One more than allowed, so "too many" is told apart from "exactly the limit".
      to_line: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch (err) {
    throw new AppError("IMPORT_UNREADABLE", [], err instanceof Error ? err.message : undefined);
  }
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw new AppError("IMPORT_EMPTY");
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError("IMPORT_TOO_MANY_ROWS", [
      { field: "body.csv", message: "too many rows", code: "too_big", params: { maximum: MAX_IMPORT_ROWS } },
    ]);
  return { headers: headers.map((h) => h.trim()), rows, delimiter };
}
