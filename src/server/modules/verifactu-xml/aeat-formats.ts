import { minorToDecimalString } from "../../../shared/money/index.js";

/**
 * AEAT's formats, checked before anything is written: a record that breaks them would be refused by
 * AEAT, and it is better that the code calling us fails at once and says which value.
 */

/** `YYYY-MM-DD` (the app's plain dates) or already `dd-mm-yyyy` → AEAT's `dd-mm-yyyy`. */
export function aeatDate(date: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (iso) return `${iso[3]}-${iso[2]}-${iso[1]}`;
  if (/^\d{2}-\d{2}-\d{4}$/.test(date)) return date;
  throw new RangeError(`Not a date for AEAT: ${JSON.stringify(date)}`);
}

/** An amount of `ImporteSgn12.2Type`: optional sign, up to 12 integer digits, up to 2 decimals, a dot. */
export function aeatAmount(amount: string): string {
  if (!/^[+-]?\d{1,12}(\.\d{1,2})?$/.test(amount))
    throw new RangeError(`Not an amount for AEAT: ${JSON.stringify(amount)}`);
  return amount;
}

/** A rate of `Tipo2.2Type`: a percentage with up to 3 integer digits and 2 decimals, unsigned. */
export function aeatRate(rate: string): string {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(rate))
    throw new RangeError(`Not a rate for AEAT: ${JSON.stringify(rate)}`);
  return rate;
}

/** The app's rates are basis points: 2100 → "21.00". */
export const rateOfBasisPoints = (rateBp: number): string => minorToDecimalString(rateBp, "EUR");

/** Euro cents → "123.45" (VERI*FACTU amounts are in euros). */
export const amountOfMinor = (amountMinor: number): string => minorToDecimalString(amountMinor, "EUR");

/** A NIF is exactly 9 characters in the schema; its check letter is the chain module's concern. */
export function aeatNif(nif: string): string {
  const value = nif.trim().toUpperCase();
  if (!/^[0-9A-Z]{9}$/.test(value)) throw new RangeError(`Not a NIF for AEAT: ${JSON.stringify(nif)}`);
  return value;
}

/** An identifier that AEAT fingerprints: never shortened, only checked against its bounds. */
export function aeatId(value: string, max: number, what: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || Array.from(trimmed).length > max)
    throw new RangeError(`${what} must be 1 to ${max} characters: ${JSON.stringify(value)}`);
  return trimmed;
}

/**
 * Free text (a name, the description): trimmed, line breaks made spaces, and cut by code points to the
 * schema's length. None of it is fingerprinted, and a 121-character company name should not stop an
 * invoice from being recorded.
 */
export function aeatText(value: string, max: number): string {
  const line = value.replace(/\s+/g, " ").trim();
  return Array.from(line).slice(0, max).join("");
}
