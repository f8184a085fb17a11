/**
 * Wall-clock times of a time zone ⇄ instants, with the platform's Intl time-zone data only (decision 045).
 * Pure; the server computes appointment slots with it and the portal shows them.
 */

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormatOf(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (partFormats.size >= 1000) partFormats.clear();
    partFormats.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in minutes (Madrid in summer: 120). */
export function zoneOffsetMinutes(timeZone: string, instantMs: number): number {
  const p = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatOf(timeZone).formatToParts(new Date(instantMs)))
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second);
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/**
 * The instant of a wall-clock time (`minutes` after midnight, up to 1440) of a calendar date in a zone.
 * A time that does not exist (the hour skipped when clocks go forward) comes out as the same distance
 * after the jump (02:30 → 03:30); a time that happens twice (clocks go back) is its later occurrence.
 */
export function wallTimeToInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = zoneOffsetMinutes(timeZone, wall);
  const guess = wall - first * 60_000;
  const second = zoneOffsetMinutes(timeZone, guess);
  return second === first ? guess : wall - second * 60_000;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(instantMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, instantMs);
  return new Date(instantMs + offset * 60_000).toISOString().slice(0, 10);
}

/** The wall-clock time "HH:MM" of an instant in a zone. */
export function timeInZone(instantMs: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, instantMs);
  return new Date(instantMs + offset * 60_000).toISOString().slice(11, 16);
}

/** ISO weekday index of a calendar date: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
