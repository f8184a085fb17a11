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
