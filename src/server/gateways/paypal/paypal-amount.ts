import { currencyExponent, minorToDecimalString } from "../../../shared/money/index.js";
import { AppError } from "../../errors/errors.js";

/** PayPal's currencies (REST currency codes) that Portico also keeps. */
export const PAYPAL_CURRENCIES = [
  "AUD",
  "BRL",
  "CAD",
  "CHF",
  "CNY",
  "CZK",
  "DKK",
  "EUR",
  "GBP",
  "HKD",
  "HUF",
  "ILS",
  "JPY",
  "MXN",
  "NOK",
  "NZD",
  "PLN",
  "SEK",
  "SGD",
  "USD",
] as const;

// ISO 4217 gives the forint two decimals, which Portico keeps; PayPal takes whole forints only.
const WHOLE_UNITS_ONLY: ReadonlySet<string> = new Set(["HUF"]);

/** PayPal's `amount.value` of an amount in minor units: "12.34" EUR, "1000" JPY, "1500" HUF. */
export function toPaypalValue(amountMinor: number, currency: string): string {
  if (!(PAYPAL_CURRENCIES as readonly string[]).includes(currency)) throw new AppError("CP4003");
  const decimal = minorToDecimalString(amountMinor, currency);
  if (!WHOLE_UNITS_ONLY.has(currency)) return decimal;
  const [units, fraction = ""] = decimal.split(".");
  if (/[1-9]/.test(fraction)) throw new AppError("CP4003", [], `PayPal takes whole amounts of ${currency}`);
  return units ?? decimal;
}

/** Minor units of a PayPal `amount.value` (strict: digits, and at most the currency's decimals). */
export function fromPaypalValue(value: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  const fraction = match?.[3] ?? "";
  if (!match || fraction.length > exponent) throw new RangeError(`Not a ${currency} amount: ${value}`);
  const minor = Number(`${match[2]}${fraction.padEnd(exponent, "0")}`);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: ${value}`);
  return match[1] === "-" ? -minor : minor;
}
