import {
  type AvailabilitySettings,
  minutesOfDay,
  type TimeRange,
  WEEKDAYS,
} from "../../../shared/contracts/appointments.js";
import { addDays } from "../../../shared/dates.js";
import { dateInZone, wallTimeToInstant, weekdayIndex } from "../../../shared/zoned-time.js";

/** A time that is taken, half-open [from, to), in epoch milliseconds. */
export interface Busy {
  from: number;
  to: number;
}

export interface SlotInstant {
  start: number;
  end: number;
}

const MINUTE = 60_000;

/** The working hours of one calendar date: its override, nothing on a day off, else its weekday's. */
export function hoursOf(s: AvailabilitySettings, date: string): TimeRange[] {
  const override = s.overrides.find((o) => o.date === date);
  if (override) return override.ranges;
  if (s.daysOff.includes(date)) return [];
  return s.weekly[WEEKDAYS[weekdayIndex(date)] ?? "mon"];
}

/** The range an appointment starting at `start` blocks: the buffers around it, half-open. */
export function blockedRange(s: AvailabilitySettings, start: number): Busy {
  return {
    from: start - s.bufferBeforeMinutes * MINUTE,
    to: start + (s.slotMinutes + s.bufferAfterMinutes) * MINUTE,
  };
}

const overlaps = (a: Busy, b: Busy) => a.from < b.to && b.from < a.to;

/**
 * The free slots of the calendar dates `from`..`to` (both included, the organisation's dates) at the
 * instant `nowMs`: each working range of a date is cut, from its start, into slots of `slotMinutes`
 * spaced by the buffers (so consecutive slots' blocked ranges just touch); a slot lies wholly inside its
 * range, starts no earlier than the minimum notice and no later than the horizon, and its blocked range
 * overlaps nothing busy. Ranges are wall-clock times of the zone turned into instants per date, so a
 * daylight-saving day has its real length (a range 00:00–06:00 holds five hours on the spring day).
 */
export function freeSlots(
  s: AvailabilitySettings,
  span: { from: string; to: string },
  nowMs: number,
  busy: Busy[],
): SlotInstant[] {
  const earliest = nowMs + s.minNoticeMinutes * MINUTE;
  const latest = nowMs + s.horizonDays * 1440 * MINUTE;
  const length = s.slotMinutes * MINUTE;
  const step = (s.bufferBeforeMinutes + s.slotMinutes + s.bufferAfterMinutes) * MINUTE;
  const out: SlotInstant[] = [];
  for (let date = span.from; date <= span.to; date = addDays(date, 1)) {
    for (const range of hoursOf(s, date)) {
      const rangeStart = wallTimeToInstant(date, minutesOfDay(range.start), s.timeZone);
      const rangeEnd = wallTimeToInstant(date, minutesOfDay(range.end), s.timeZone);
      for (let start = rangeStart; start + length <= rangeEnd; start += step) {
        if (start < earliest || start > latest) continue;
        const blocked = blockedRange(s, start);
        if (busy.some((b) => overlaps(b, blocked))) continue;
        out.push({ start, end: start + length });
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Whether `start` is a slot the availability offers at `nowMs`, taken or not. */
export function isOfferedStart(s: AvailabilitySettings, start: number, nowMs: number): boolean {
  const date = dateInZone(start, s.timeZone);
  return freeSlots(s, { from: date, to: date }, nowMs, []).some((slot) => slot.start === start);
}
