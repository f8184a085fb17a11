import { AppError } from "../../errors/errors.js";

/** Ten years of calendar days, leap days included: long enough for any audit, short enough to bound a PDF. */
export const MAX_RANGE_DAYS = 3653;

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** Whole days from `a` to `b` (plain calendar dates, no time zone). */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

/** The first day of the month three months before `date`: "2026-11-23" → "2026-08-01". */
export function defaultFrom(date: string): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
}

/**
 * The statement's period: `to` defaults to today (the organisation's calendar), `from` to three months
 * before it. A reversed or over-long period is refused with its own code so the form can say which.
 */
export function resolveRange(
  query: { from?: string; to?: string },
  today: string,
): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? defaultFrom(to);
  if (from > to)
    throw new AppError("STATEMENT_RANGE_REVERSED", [
      { field: "querystring.from", message: "after to", code: "range_reversed" },
    ]);
  if (daysBetween(from, to) > MAX_RANGE_DAYS)
    throw new AppError("STATEMENT_RANGE_TOO_LONG", [
      {
        field: "querystring.from",
        message: `at most ${MAX_RANGE_DAYS} days before to`,
        code: "range_too_long",
        params: { maximumDays: MAX_RANGE_DAYS },
      },
    ]);
  return { from, to };
}
