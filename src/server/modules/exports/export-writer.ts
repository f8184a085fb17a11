import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { currencyExponent, minorToDecimalString } from "../../../shared/money/index.js";

export type ExportFormat = "csv" | "xlsx";
export type ExportLanguage = "es" | "en";

/**
 * One column of an exported list: its header in both languages and how a row gives its value. A money
 * column names the row's currency; a date column takes a calendar date "YYYY-MM-DD".
 */
export type ExportColumn<R> = { header: Record<ExportLanguage, string>; width?: number } & (
  | { type: "text"; value: (row: R) => string | null }
  | { type: "date"; value: (row: R) => string | null }
  | { type: "money"; value: (row: R) => number | null; currency: (row: R) => string }
);

/** Bytes the file may hold unread before the next batch waits for the client. */
const HIGH_WATER_BYTES = 1 << 20;
/** A client that reads nothing for this long is given up on, so the cursor does not stay open. */
const STALL_MS = 60_000;

/** Waits until the reader has taken most of what was written (and yields to the event loop once). */
async function drained(out: Readable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  // Elapsed time, not the calendar: a monotonic timer, unaffected by the server clock being moved.
  const since = performance.now();
  while (!out.destroyed && out.readableLength > HIGH_WATER_BYTES) {
    if (performance.now() - since > STALL_MS) throw new Error("export reader stalled");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (out.destroyed) throw new Error("export reader went away");
}

/** Writes batches of rows as they come; `finish` ends the file. */
export interface ExportWriter<R> {
  stream: Readable;
  write(rows: R[]): Promise<void>;
  finish(): Promise<void>;
}

/**
 * CSV for programs (decision 059): RFC 4180 with `,`, amounts as plain decimals with the currency's
 * exponent and a point ("1234.50", "1234" in JPY), dates ISO; a UTF-8 BOM so Excel reads accents.
 */
function csvWriter<R>(columns: ExportColumn<R>[], lang: ExportLanguage): ExportWriter<R> {
  const out = new PassThrough();
  const csv = stringify({ delimiter: ",", bom: true, record_delimiter: "\r\n" });
  csv.pipe(out);
  csv.on("error", (err) => out.destroy(err));
  csv.write(columns.map((c) => c.header[lang]));
  const cell = (c: ExportColumn<R>, row: R): string => {
    if (c.type === "money") {
      const v = c.value(row);
      return v === null ? "" : minorToDecimalString(v, c.currency(row));
    }
    return c.value(row) ?? "";
  };
  return {
    stream: out,
    async write(rows) {
      for (const row of rows) csv.write(columns.map((c) => cell(c, row)));
      await drained(out);
    },
    async finish() {
      await new Promise<void>((resolve, reject) => {
        csv.once("error", reject);
        out.once("finish", resolve);
        csv.end();
      });
    },
  };
}

/** An Excel number format showing the currency's decimals and its code: `#,##0.00 "EUR"`. */
const moneyFormat = (currency: string) => {
  const exponent = currencyExponent(currency);
  return `#,##0${exponent > 0 ? `.${"0".repeat(exponent)}` : ""} "${currency}"`;
};

/** A calendar date as the spreadsheet's date (midnight UTC, which exceljs writes as that day's serial). */
const excelDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * XLSX for people (decision 059), written row by row by exceljs's streaming WorkbookWriter: numbers as
 * numbers with their currency's format (a spreadsheet number is a double: the decimal string of the exact
 * minor units, read as the nearest one), dates as dates, the header row bold and frozen.
 */
function xlsxWriter<R>(columns: ExportColumn<R>[], lang: ExportLanguage, sheetName: string): ExportWriter<R> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header[lang],
    width: c.width ?? (c.type === "text" ? 24 : 14),
    style: c.type === "date" ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    stream: out,
    async write(rows) {
      for (const row of rows) {
        const added = sheet.addRow(
          columns.map((c) => {
            if (c.type === "money") {
              const v = c.value(row);
              return v === null ? null : Number(minorToDecimalString(v, c.currency(row)));
            }
            const v = c.value(row);
            return v === null ? null : c.type === "date" ? excelDate(v) : v;
          }),
        );
        columns.forEach((c, i) => {
          if (c.type === "money" && c.value(row) !== null)
            added.getCell(i + 1).numFmt = moneyFormat(c.currency(row));
        });
        added.commit();
      }
      await drained(out);
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function exportWriter<R>(
  format: ExportFormat,
  columns: ExportColumn<R>[],
  lang: ExportLanguage,
  sheetName: string,
): ExportWriter<R> {
  return format === "csv" ? csvWriter(columns, lang) : xlsxWriter(columns, lang, sheetName);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
