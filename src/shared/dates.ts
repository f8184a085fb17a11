/**
 * The calendar date (YYYY-MM-DD) of the instant `now` in a time zone: document dates are the
 * organisation's dates. Pure: the caller says which instant (the server passes its clock, `clock.today`).
 */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** Adds days to a calendar date without touching time zones (UTC arithmetic on a plain date). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const yearOf = (date: string) => Number(date.slice(0, 4));
