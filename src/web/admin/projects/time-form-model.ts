import { currencyExponent } from "../../../shared/money/currency.js";
import { parseScaledDecimal, scaledToInput } from "../../ui/decimal.js";

/**
 * The pure half of the time forms (decision 039): durations typed as "1:30", "1,5" or "1.5" hours, or
 * "90m"; rates typed as decimals of the project's currency; the budget bar's figures.
 */

/** Minutes from what a person typed; null when it is not a duration of 1 minute to 24 hours. */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase();
  let minutes: number | null = null;
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  const plain = /^(\d{1,4})\s*(m|min)$/.exec(text);
  if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (plain) minutes = Number(plain[1]);
  else {
    const hoursMilli = parseScaledDecimal(text.replace(/\s*h$/, ""), 3);
    // Hours with up to three decimals, to the nearest minute (half up): 1,5 → 90; 0,333 → 20.
    if (hoursMilli !== null) minutes = Math.floor((hoursMilli * 60 + 500) / 1000);
  }
  return minutes !== null && minutes >= 1 && minutes <= 1440 ? minutes : null;
}

/** 90 → "1:30". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/** A rate or amount typed in the currency's units → minor units; "" → null; undefined when not valid. */
export function parseRate(input: string, currency: string): number | null | undefined {
  if (input.trim() === "") return null;
  const minor = parseScaledDecimal(input, currencyExponent(currency));
  return minor === null || minor < 0 || minor > 1e12 ? undefined : minor;
}

export function rateToInput(minor: number | null | undefined, currency: string, mark: "," | "."): string {
  return minor === null || minor === undefined ? "" : scaledToInput(minor, currencyExponent(currency), mark);
}

/** The share of a budget used, in percent for a progress bar (capped at 100), and whether it is over. */
export function budgetUse(used: number, budget: number | null): { percent: number; over: boolean } | null {
  if (budget === null || budget <= 0) return null;
  return { percent: Math.min(100, Math.floor((used * 100) / budget)), over: used > budget };
}
