import type { TFunction } from "i18next";
import type { InvoiceDetail, InvoiceDraftBody, Tax } from "../../../shared/contracts/index.js";
import { computeTotals, minorToDecimalString, parseMoney } from "../../../shared/money/index.js";
import { parseScaledDecimal, scaledToInput } from "../../ui/decimal.js";

export interface LineFormValues {
  /** Stable React key; never sent. */
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  taxIds: string[];
}

/** What the line editor needs of any document form (invoices, quotes, sales orders). */
export interface LinesFormValues {
  currency: string;
  lines: LineFormValues[];
}

let keyCounter = 0;
const nextKey = () => `line-${Date.now().toString(36)}-${(keyCounter++).toString(36)}`;

export function newLine(taxIds: string[]): LineFormValues {
  return { key: nextKey(), description: "", quantity: "1", unitPrice: "", discount: "", taxIds };
}

export function defaultTaxIds(taxes: Tax[]): string[] {
  return taxes.filter((tax) => tax.isDefault).map((tax) => tax.id);
}

let organisationTimeZone: string | undefined;

/**
 * The signed-in organisation's time zone (from `/api/auth/me`): the server decides "today" by it (issue dates
 * after it are refused, and numbers go forward with dates), so a new document's date is today there, not in
 * the browser's zone, which may already be tomorrow or still yesterday.
 */
export function setOrganisationTimeZone(timeZone: string | undefined): void {
  organisationTimeZone = timeZone;
}

/** Today as a calendar date in the organisation's time zone (the browser's until it is known). */
export function todayIso(now: Date = new Date()): string {
  if (organisationTimeZone) {
    try {
      // en-CA formats a date as YYYY-MM-DD.
      return new Intl.DateTimeFormat("en-CA", { timeZone: organisationTimeZone }).format(now);
    } catch {
      // An unknown zone: the browser's calendar below.
    }
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return "";
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A saved document's lines as form values. */
export function linesToValues(
  lines: InvoiceDetail["lines"],
  currency: string,
  decimalMark: "," | ".",
): LineFormValues[] {
  return lines.map((line) => ({
    key: nextKey(),
    description: line.description,
    quantity: scaledToInput(line.quantityMilli, 3, decimalMark),
    unitPrice: minorToDecimalString(line.unitPriceMinor, currency).replace(".", decimalMark),
    discount: line.discountBp ? scaledToInput(line.discountBp, 2, decimalMark) : "",
    taxIds: line.taxes.map((tax) => tax.taxId),
  }));
}

export interface ParsedLine {
  quantityMilli: number | null;
  unitPriceMinor: number | null;
  discountBp: number | null;
}

export function parseLine(line: LineFormValues, currency: string): ParsedLine {
  const discountBp = line.discount.trim() === "" ? 0 : parseScaledDecimal(line.discount, 2);
  return {
    quantityMilli: parseScaledDecimal(line.quantity, 3),
    unitPriceMinor: parseMoney(line.unitPrice, currency),
    discountBp: discountBp !== null && discountBp >= 0 && discountBp <= 10_000 ? discountBp : null,
  };
}

/** Errors of the lines, keyed by form path ("lines.0.quantity"). */
export function validateLines(t: TFunction, values: LinesFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.lines.length === 0) errors.lines = t("admin.editor.atLeastOneLine");
  values.lines.forEach((line, i) => {
    const parsed = parseLine(line, values.currency);
    if (!line.description.trim()) errors[`lines.${i}.description`] = t("errors.required");
    if (parsed.quantityMilli === null) errors[`lines.${i}.quantity`] = t("errors.invalidNumber");
    if (parsed.unitPriceMinor === null) errors[`lines.${i}.unitPrice`] = t("errors.invalidAmount");
    if (parsed.discountBp === null) errors[`lines.${i}.discount`] = t("errors.invalidPercent");
  });
  return errors;
}

/** The lines of a request body; call only after `validateLines` found nothing. */
export function linesToBody(values: LinesFormValues): InvoiceDraftBody["lines"] {
  return values.lines.map((line) => {
    const parsed = parseLine(line, values.currency);
    return {
      description: line.description.trim(),
      quantityMilli: parsed.quantityMilli ?? 0,
      unitPriceMinor: parsed.unitPriceMinor ?? 0,
      discountBp: parsed.discountBp ?? 0,
      taxIds: line.taxIds,
    };
  });
}

/** API paths ("lines.0.quantityMilli") → form paths ("lines.0.quantity"). */
export function apiFieldToFormField(path: string): string {
  return path
    .replace(/\.quantityMilli$/, ".quantity")
    .replace(/\.unitPriceMinor$/, ".unitPrice")
    .replace(/\.discountBp$/, ".discount");
}

export type LiveTotals = ReturnType<typeof computeTotals> & { valid: boolean[] };

/** Totals as the server will compute them; a line that does not parse yet counts as zero. */
export function computeLiveTotals(values: LinesFormValues, taxes: Tax[]): LiveTotals | null {
  const rates = new Map(taxes.map((tax) => [tax.id, tax.rateBp]));
  const valid: boolean[] = [];
  const inputs = values.lines.map((line) => {
    const parsed = parseLine(line, values.currency);
    const ok = parsed.quantityMilli !== null && parsed.unitPriceMinor !== null && parsed.discountBp !== null;
    valid.push(ok);
    return {
      quantityMilli: ok ? (parsed.quantityMilli ?? 0) : 0,
      unitPriceMinor: ok ? (parsed.unitPriceMinor ?? 0) : 0,
      discountBp: ok ? (parsed.discountBp ?? 0) : 0,
      taxes: ok ? line.taxIds.map((taxId) => ({ taxId, rateBp: rates.get(taxId) ?? 0 })) : [],
    };
  });
  try {
    return { ...computeTotals(inputs), valid };
  } catch {
    return null;
  }
}
