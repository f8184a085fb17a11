/**
 * The calendar date (YYYY-MM-DD) of the instant `now` in a time zone: document dates are the
 * organisation's dates. Pure: the caller says which instant (the server passes its clock, `clock.today`).
 */
export function todayIn(timeZone: string, now: Date): string {
  return calendarFormatOf(timeZone).format(now);
}

/**
 * One formatter per time zone, kept: building an `Intl.DateTimeFormat` costs far more than using one, and
 * every request asks for the organisation's today (issue 14's profile: 3 % of a portal read). Bounded by
 * the zones in use; an invalid zone throws on construction, as before, and is not kept.
 */
const calendarFormats = new Map<string, Intl.DateTimeFormat>();
function calendarFormatOf(timeZone: string): Intl.DateTimeFormat {
  let format = calendarFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    if (calendarFormats.size >= 1000) calendarFormats.clear();
    calendarFormats.set(timeZone, format);
  }
  return format;
}

/** Adds days to a calendar date without touching time zones (UTC arithmetic on a plain date). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); plain calendar dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

/** The calendar dates the product accepts anywhere (documents, payments, periods), computed ones included. */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2199-12-31";
export const isDateInRange = (date: string) => date >= MIN_DATE && date <= MAX_DATE;
/**
 * A computed date (issue date + payment terms, + a quote's validity): kept within MAX_DATE, so a document
 * dated at the end of the accepted range still gets a date the rest of the product can handle.
 */
export function addDaysWithinRange(date: string, days: number): string {
  const result = addDays(date, days);
  return result > MAX_DATE ? MAX_DATE : result < MIN_DATE ? MIN_DATE : result;
}
