import { currencyExponent } from "./currency.js";

function assertSafeInteger(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Amount must be a safe integer of minor units, got ${amountMinor}`);
  }
}

/** Exact decimal form of an amount: 123456 EUR → "1234.56", −5 EUR → "-0.05", 1000 JPY → "1000". */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  assertSafeInteger(amountMinor);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amountMinor).toString();
  const sign = amountMinor < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function getFormatter(locale: string, currency: string, exponent: number): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, nf);
  }
  return nf;
}

/**
 * Localised amount, e.g. 123456 EUR in es-ES → "1234,56 €" (ICU groups Spanish thousands only from
 * five integer digits), 1235 JPY in en-US → "¥1,235".
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const decimal = minorToDecimalString(amountMinor, currency) as `${number}`;
  // A decimal string goes through Intl (NumberFormat v3) without ever becoming a float, so amounts
  // beyond 2^53 / 100 keep their last digits.
  return getFormatter(locale, currency, currencyExponent(currency)).format(decimal);
}

const GROUP_CHARS = " \u00a0\u202f'\u2019";
const NUMBER_SHAPE = /^([+\-\u2212]?)([0-9., \u00a0\u202f'\u2019]+)$/;

/**
 * Reads an amount typed by a person: "1234.56", "1.234,56", "1 234,5", "1'234.50", "-3".
 * Returns minor units, or null for anything else (letters, several signs, too many decimals,
 * malformed grouping, beyond a safe integer).
 *
 * A lone "." or "," is the decimal mark, except when exactly three digits follow it and the currency
 * has fewer than three decimals: "1.234" EUR can only mean 1234 €, while "1.234" KWD is 1.234 KD.
 */
export function parseMoney(input: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = NUMBER_SHAPE.exec(input.trim());
  if (!match) return null;
  const negative = match[1] === "-" || match[1] === "\u2212";
  const body = match[2] ?? "";

  const marks = [...body].filter((c) => c === "." || c === ",");
  let decimalMark: string | null = null;
  if (marks.length > 0) {
    const last = marks[marks.length - 1] as string;
    const sameAsLast = marks.filter((c) => c === last).length;
    if (sameAsLast === 1) {
      const afterLast = body.slice(body.lastIndexOf(last) + 1);
      const looksGrouped = marks.length === 1 && /^[0-9]{3}$/.test(afterLast) && exponent < 3;
      decimalMark = looksGrouped ? null : last;
    }
  }

  const [intPart = "", fracPart = "", ...rest] = decimalMark === null ? [body] : body.split(decimalMark);
  if (rest.length > 0) return null;
  if (!/^[0-9]*$/.test(fracPart) || fracPart.length > exponent) return null;
  if (decimalMark !== null && fracPart.length === 0) return null;

  const intDigits = readGroupedInteger(intPart);
  if (intDigits === null || (intDigits === "" && fracPart === "")) return null;

  const minor = BigInt((intDigits || "0") + fracPart.padEnd(exponent, "0"));
  const value = negative ? -minor : minor;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(value);
}

// Accepts "1234", "1.234.567", "1 234" with one kind of group separator and 3-digit groups.
function readGroupedInteger(part: string): string | null {
  const separators = new Set([...part].filter((c) => c === "." || c === "," || GROUP_CHARS.includes(c)));
  if (separators.size === 0) return part;
  if (separators.size > 1) return null;
  const [separator = ""] = separators;
  const groups = part.split(separator);
  const [first, ...others] = groups;
  if (!first || !/^[1-9][0-9]{0,2}$/.test(first)) return null;
  if (!others.every((g) => /^[0-9]{3}$/.test(g))) return null;
  return groups.join("");
}
