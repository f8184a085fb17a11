import { MAX_HISTORY_MONTHS } from "../../../shared/contracts/index.js";
import { AppError } from "../../errors/errors.js";

/** Calendar months as "YYYY-MM" strings; arithmetic on a month index, never on Date (no time zones). */
const indexOf = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const monthOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;

export interface MonthRange {
  from: string;
  to: string;
  months: string[];
  /** First and last calendar day of the range, for a date filter. */
  firstDay: string;
  lastDay: string;
}

function lastDayOf(ym: string): string {
  const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
  // Day 0 of the next month is the last day of this one; UTC, so no zone can move it.
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${String(day).padStart(2, "0")}`;
}

/**
 * The months of a purchase history: `to` defaults to the current month, `from` to 11 months before it
 * (a year). A range longer than MAX_HISTORY_MONTHS, or backwards, is refused (PERIOD_INVALID).
 */
export function monthRange(today: string, from?: string, to?: string): MonthRange {
  const end = to ?? today.slice(0, 7);
  const start = from ?? monthOf(indexOf(end) - 11);
  const count = indexOf(end) - indexOf(start) + 1;
  if (count < 1 || count > MAX_HISTORY_MONTHS)
    throw new AppError("PERIOD_INVALID", [
      {
        field: "querystring.from",
        message: `from must be before to, at most ${MAX_HISTORY_MONTHS} months`,
        code: count < 1 ? "range_reversed" : "range_too_long",
        params: { maximumMonths: MAX_HISTORY_MONTHS },
      },
    ]);
  const months = Array.from({ length: count }, (_, i) => monthOf(indexOf(start) + i));
  return { from: start, to: end, months, firstDay: `${start}-01`, lastDay: lastDayOf(end) };
}
