import type { RecurringFrequency } from "./contracts/recurring-values.js";
import { addDays, daysBetween } from "./dates.js";

/**
 * The dates of a recurring profile (A5, decision 037). Occurrence n is start + n × interval, computed from
 * the anchor every time, never from the previous occurrence: a profile started on 31 January falls on
 * 28/29 February and then on 31 March again. Dates are plain calendar dates (the organisation's): no
 * instant or time zone enters the arithmetic, so a daylight-saving change cannot move one; the zone only
 * decides which date is "today" (`clock.today(tz)`).
 */
type Interval = { unit: "day" | "month"; count: number };

export const FREQUENCY_INTERVALS: Record<RecurringFrequency, Interval> = {
  weekly: { unit: "day", count: 7 },
  every_2_weeks: { unit: "day", count: 14 },
  every_4_weeks: { unit: "day", count: 28 },
  monthly: { unit: "month", count: 1 },
  every_2_months: { unit: "month", count: 2 },
  every_3_months: { unit: "month", count: 3 },
  every_4_months: { unit: "month", count: 4 },
  every_6_months: { unit: "month", count: 6 },
  yearly: { unit: "month", count: 12 },
  every_2_years: { unit: "month", count: 24 },
  every_3_years: { unit: "month", count: 36 },
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Adds whole months to a calendar date, the day kept or, in a shorter month, its last day. */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month1 = total - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month1, 2)}-${pad(Math.min(d, daysInMonth(year, month1)), 2)}`;
}

/** The date of occurrence `n` (0 is the start date itself). */
export function occurrenceDate(start: string, frequency: RecurringFrequency, n: number): string {
  const { unit, count } = FREQUENCY_INTERVALS[frequency];
  return unit === "day" ? addDays(start, n * count) : addMonthsClamped(start, n * count);
}

/** The first occurrence dated on or after `date` (0 when `date` is not after the start). */
export function firstIndexOnOrAfter(start: string, frequency: RecurringFrequency, date: string): number {
  if (date <= start) return 0;
  const { unit, count } = FREQUENCY_INTERVALS[frequency];
  if (unit === "day") return Math.ceil(daysBetween(start, date) / count);
  const months =
    (Number(date.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(date.slice(5, 7)) -
    Number(start.slice(5, 7));
  let n = Math.max(0, Math.floor(months / count) - 1);
  while (occurrenceDate(start, frequency, n) < date) n += 1;
  return n;
}

/** How a profile ends: never, after its Nth invoice, or with the last occurrence on or before a date. */
export type RecurringEndRule =
  | { endKind: "never" }
  | { endKind: "after_count"; endAfterCount: number }
  | { endKind: "on_date"; endOnDate: string };

/** Whether an occurrence on `date` is still made, given how many invoices the profile already made. */
export function isWithinEnd(end: RecurringEndRule, date: string, invoicesMade: number): boolean {
  if (end.endKind === "after_count") return invoicesMade < end.endAfterCount;
  if (end.endKind === "on_date") return date <= end.endOnDate;
  return true;
}

/** The next `count` dates from occurrence `fromIndex` that the end rule still allows (the detail's preview). */
export function upcomingDates(
  start: string,
  frequency: RecurringFrequency,
  end: RecurringEndRule,
  fromIndex: number,
  invoicesMade: number,
  count: number,
): string[] {
  const dates: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = occurrenceDate(start, frequency, fromIndex + i);
    if (!isWithinEnd(end, date, invoicesMade + i)) break;
    dates.push(date);
  }
  return dates;
}
