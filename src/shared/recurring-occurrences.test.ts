import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { RECURRING_FREQUENCIES } from "./contracts/recurring-values.js";
import { todayIn } from "./dates.js";
import {
  FREQUENCY_INTERVALS,
  firstIndexOnOrAfter,
  isWithinEnd,
  occurrenceDate,
  upcomingDates,
} from "./recurring-occurrences.js";

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONES = [
  "Europe/Madrid",
  "Atlantic/Canary",
  "Europe/London",
  "America/New_York",
  "America/Santiago",
  "America/St_Johns",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "UTC",
];

const day = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2150-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Month ends and 29 February are where chained arithmetic drifts: drawn often. */
const startDay = fc.oneof(
  day,
  fc
    .integer({ min: 1990, max: 2150 })
    .chain((y) =>
      fc.constantFrom(`${y}-01-31`, `${y}-01-30`, `${y}-08-31`, `${y}-03-31`, `${y}-05-31`, `${y}-12-31`),
    ),
  fc
    .integer({ min: 1990, max: 2150 })
    .map((y) => `${y - (y % 4)}-02-29`)
    .filter((d) => d !== "2100-02-29"),
);
const frequency = fc.constantFrom(...RECURRING_FREQUENCIES);
const index = fc.integer({ min: 0, max: 400 });

/** The reference: dayjs's own arithmetic from the anchor (it clamps to the month's end). */
function reference(start: string, f: (typeof RECURRING_FREQUENCIES)[number], n: number): string {
  const { unit, count } = FREQUENCY_INTERVALS[f];
  return dayjs
    .utc(start)
    .add(n * count, unit)
    .format("YYYY-MM-DD");
}

describe("occurrence dates", () => {
  test("31 January gives 28/29 February then 31 March, never chained", () => {
    expect([0, 1, 2, 3].map((n) => occurrenceDate("2027-01-31", "monthly", n))).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
    ]);
    expect(occurrenceDate("2028-01-31", "monthly", 1)).toBe("2028-02-29");
    expect([0, 1, 4].map((n) => occurrenceDate("2028-02-29", "yearly", n))).toEqual([
      "2028-02-29",
      "2029-02-28",
      "2032-02-29",
    ]);
    expect(occurrenceDate("2027-08-31", "every_6_months", 1)).toBe("2028-02-29");
    expect(occurrenceDate("2027-12-31", "every_2_weeks", 2)).toBe("2028-01-28");
  });

  test("occurrence n is start + n × interval (property, against dayjs from the anchor)", () => {
    fc.assert(
      fc.property(startDay, frequency, index, (start, f, n) => {
        expect(occurrenceDate(start, f, n)).toBe(reference(start, f, n));
      }),
      { numRuns: 2000 },
    );
  });

  test("a month-based occurrence keeps the start's day, or its month's last day", () => {
    fc.assert(
      fc.property(startDay, frequency, index, (start, f, n) => {
        const date = occurrenceDate(start, f, n);
        const startDom = Number(start.slice(8));
        const dom = Number(date.slice(8));
        if (FREQUENCY_INTERVALS[f].unit === "month") {
          const last = dayjs.utc(date).daysInMonth();
          expect(dom).toBe(Math.min(startDom, last));
        }
        expect(date > occurrenceDate(start, f, Math.max(0, n - 1)) || n === 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("firstIndexOnOrAfter is the first occurrence on or after the date", () => {
    fc.assert(
      fc.property(startDay, frequency, day, (start, f, date) => {
        const n = firstIndexOnOrAfter(start, f, date);
        expect(occurrenceDate(start, f, n) >= date).toBe(true);
        if (n > 0) expect(occurrenceDate(start, f, n - 1) < date).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("in any zone, an occurrence becomes due at the zone's midnight of its date, DST days included", () => {
    // Daylight-saving days of 2027 in a few zones, plus random days.
    const dstDays = fc.constantFrom(
      "2027-03-28",
      "2027-10-31",
      "2027-03-14",
      "2027-11-07",
      "2027-04-04",
      "2027-10-03",
      "2027-09-05",
      "2028-02-29",
    );
    fc.assert(
      fc.property(
        fc.oneof(dstDays, day),
        frequency,
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(...ZONES),
        (target, f, n, zone) => {
          // A profile whose occurrence n falls on the target day (its date is a calendar date: no zone in it).
          const { unit, count } = FREQUENCY_INTERVALS[f];
          const start = dayjs
            .utc(target)
            .subtract(n * count, unit)
            .format("YYYY-MM-DD");
          const date = occurrenceDate(start, f, n);
          // The zone's first instant of that day (an hour later where midnight is skipped by DST).
          const midnight = dayjs.tz(`${date} 00:00:00`, zone).valueOf();
          const first = todayIn(zone, new Date(midnight)) === date ? midnight : midnight + 3_600_000;
          // Due from there (today ≥ date), not one millisecond before: the day before is still "today".
          expect(todayIn(zone, new Date(first)) >= date).toBe(true);
          expect(todayIn(zone, new Date(first - 1)) < date).toBe(true);
          expect(firstIndexOnOrAfter(start, f, todayIn(zone, new Date(first)))).toBeLessThanOrEqual(n);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("the end rules: after N invoices, on a date (inclusive)", () => {
    expect(isWithinEnd({ endKind: "never" }, "2199-01-01", 10_000)).toBe(true);
    expect(isWithinEnd({ endKind: "after_count", endAfterCount: 3 }, "2027-01-01", 2)).toBe(true);
    expect(isWithinEnd({ endKind: "after_count", endAfterCount: 3 }, "2027-01-01", 3)).toBe(false);
    expect(isWithinEnd({ endKind: "on_date", endOnDate: "2027-03-31" }, "2027-03-31", 0)).toBe(true);
    expect(isWithinEnd({ endKind: "on_date", endOnDate: "2027-03-31" }, "2027-04-01", 0)).toBe(false);
    expect(
      upcomingDates("2027-01-31", "monthly", { endKind: "after_count", endAfterCount: 3 }, 1, 1, 5),
    ).toEqual(["2027-02-28", "2027-03-31"]);
  });
});
