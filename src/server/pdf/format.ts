import { currencyExponent, formatMoney } from "../../shared/money/index.js";
import { intlLocale, type PdfLocale } from "./labels.js";

// Building an Intl formatter costs far more than formatting with one (a long statement formats thousands
// of dates), so each is built once per locale and kind.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * "2026-11-22" → "22/11/2026" (es) or "22 Nov 2026" (en). A document date is a calendar date, so it is
 * formatted as such in UTC and never shifted by the reader's or server's time zone.
 */
export function formatPlainDate(isoDate: string, locale: PdfLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== isoDate)
    throw new RangeError(`Not a calendar date: ${isoDate}`);
  const options: Intl.DateTimeFormatOptions =
    locale === "es"
      ? { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), options)).format(date);
}

// Exact decimal string for an integer scaled by 10^digits, e.g. (1500, 3) → "1.5".
function scaledToDecimal(value: number, digits: number): `${number}` {
  const abs = Math.abs(value)
    .toString()
    .padStart(digits + 1, "0");
  const decimal = `${abs.slice(0, -digits)}.${abs.slice(-digits)}`.replace(/\.?0+$/, "");
  return `${value < 0 ? "-" : ""}${decimal}` as `${number}`;
}

/** 1500 → "1,5" (es) / "1.5" (en); up to three decimals, none when whole. */
export function formatQuantity(quantityMilli: number, locale: PdfLocale): string {
  const nf = cached(
    `quantity:${locale}`,
    () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 }),
  );
  return nf.format(scaledToDecimal(quantityMilli, 3));
}

/** 1050 bp → "10,5 %" (es) / "10.5%" (en); empty for no discount. */
export function formatDiscount(discountBp: number, locale: PdfLocale): string {
  if (discountBp === 0) return "";
  const nf = cached(
    `discount:${locale}`,
    () => new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 2 }),
  );
  return nf.format(scaledToDecimal(discountBp, 4));
}

/** "ES9121000418450200051332" → "ES91 2100 0418 4502 0005 1332", the form people read and type. */
export function formatIban(iban: string): string {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  return compact.replace(/(.{4})(?=.)/g, "$1 ");
}

type MoneyPart = { type: "number" } | { type: "text"; value: string };

/**
 * Money as `formatMoney` writes it, without a pass through Intl per amount: a 10,000-line statement
 * formats 30,000 mostly distinct amounts, and `Intl.NumberFormat#format` was ~6 % of its render. Intl is
 * asked once per locale and currency for its pattern (the text around the number for each sign, the group
 * and decimal marks, whether four integer digits are grouped); the result is checked against
 * `formatMoney` on probes covering every shape, and any difference keeps `formatMoney` for that pair.
 * `format.test.ts` compares both on random amounts of several currencies in both languages.
 */
export function moneyFormatter(currency: string, locale: string): (amountMinor: number) => string {
  const key = `money:${locale}\u0000${currency}`;
  let format = moneyFormatters.get(key);
  if (!format) {
    format =
      patternFormatter(currency, locale) ?? ((amountMinor) => formatMoney(amountMinor, currency, locale));
    moneyFormatters.set(key, format);
  }
  return format;
}

const moneyFormatters = new Map<string, (amountMinor: number) => string>();

function patternFormatter(currency: string, locale: string): ((amountMinor: number) => string) | null {
  const exponent = currencyExponent(currency);
  const nf = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // The text around the number, per sign, from a probe with groups and decimals.
  const pattern = (decimal: string) => {
    const parts: MoneyPart[] = [];
    let group = "";
    let mark = "";
    for (const part of nf.formatToParts(decimal as `${number}`)) {
      if (part.type === "integer" || part.type === "fraction") {
        if (parts.at(-1)?.type !== "number") parts.push({ type: "number" });
      } else if (part.type === "group") group = part.value;
      else if (part.type === "decimal") mark = part.value;
      else parts.push({ type: "text", value: part.value });
    }
    return { parts, group, mark };
  };
  const positive = pattern(`1234567${exponent ? `.${"1".repeat(exponent)}` : ""}`);
  const negative = pattern(`-1234567${exponent ? `.${"1".repeat(exponent)}` : ""}`);
  if (positive.parts.filter((p) => p.type === "number").length !== 1) return null;
  if (negative.parts.filter((p) => p.type === "number").length !== 1) return null;
  const { group, mark } = positive;
  const groupsFour = !nf.format("1234" as `${number}`).includes("1234");
  const number = (digits: string) => {
    const integer = exponent ? digits.slice(0, -exponent) : digits;
    let grouped = integer;
    if (integer.length > 4 || (integer.length === 4 && groupsFour)) {
      grouped = "";
      for (let end = integer.length; end > 0; end -= 3) {
        const start = Math.max(0, end - 3);
        grouped =
          start > 0
            ? `${group}${integer.slice(start, end)}${grouped}`
            : `${integer.slice(start, end)}${grouped}`;
      }
    }
    return exponent ? `${grouped}${mark}${digits.slice(-exponent)}` : grouped;
  };
  const format = (amountMinor: number) => {
    if (!Number.isSafeInteger(amountMinor)) return formatMoney(amountMinor, currency, locale);
    const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, "0");
    const { parts } = amountMinor < 0 ? negative : positive;
    let out = "";
    for (const part of parts) out += part.type === "number" ? number(digits) : part.value;
    return out;
  };
  const probes = [
    0, 1, -1, 7, 99, -99, 100, 999, 1000, -1000, 1234, 12_345, -12_345, 99_999, 100_000, 123_456,
  ];
  probes.push(1_234_567, -1_234_567, 12_345_678, 123_456_789, -987_654_321_012, Number.MAX_SAFE_INTEGER);
  for (const probe of probes) {
    for (const scale of [1, 10, 100, 1000]) {
      const amount = probe * scale;
      if (Number.isSafeInteger(amount) && format(amount) !== formatMoney(amount, currency, locale))
        return null;
    }
  }
  return format;
}
