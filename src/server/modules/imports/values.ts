import { isDateInRange } from "../../../shared/dates.js";
import { parseMoney } from "../../../shared/money/index.js";

/**
 * A date of an imported file: "yyyy-mm-dd", or day first "dd/mm/yyyy" (also with "-" or "."), as
 * spreadsheets in Spain and most of Europe write it. A month-first date (US) is never guessed: 03/04/2026
 * is the 3rd of April. Returns ISO "yyyy-mm-dd", or null when it is no real date.
 */
export function parseImportDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : null;
  if (!parts) return null;
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const out = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isDateInRange(out) ? out : null;
}

/**
 * An amount in the currency's minor units, exactly: "1.234,56", "1,234.56", "1234.56", "1234,56" and a
 * currency sign or code around it are read by the money parser (src/shared/money/format.ts).
 */
export function parseImportAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[€$£¥]|\b[A-Z]{3}\b/g, "").trim();
  return parseMoney(cleaned, currency);
}

/** A decimal with `scale` decimals as an integer (quantity × 1000, rate % × 100), exactly. */
export function parseScaled(text: string, scale: 2 | 3): number | null {
  // The money parser with a currency of that exponent reads both decimal marks the same way.
  return parseMoney(text.replace("%", "").trim(), scale === 3 ? "KWD" : "EUR");
}
