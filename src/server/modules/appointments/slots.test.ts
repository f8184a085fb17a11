import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type AvailabilitySettings,
  DEFAULT_AVAILABILITY,
  minutesOfDay,
  type TimeRange,
  WEEKDAYS,
} from "../../../shared/contracts/appointments.js";
import { addDays } from "../../../shared/dates.js";
import { dateInZone, timeInZone, wallTimeToInstant } from "../../../shared/zoned-time.js";
import { type Busy, blockedRange, freeSlots, hoursOf, isOfferedStart } from "./slots.js";

const MADRID = "Europe/Madrid";
const office: TimeRange[] = [
  { start: "09:00", end: "13:00" },
  { start: "15:00", end: "18:00" },
];

function settings(over: Partial<AvailabilitySettings> = {}): AvailabilitySettings {
  return {
    ...DEFAULT_AVAILABILITY,
    timeZone: MADRID,
    minNoticeMinutes: 0,
    horizonDays: 365,
    weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
    ...over,
  };
}

/** A moment long before the dates asked, so notice and horizon leave them alone unless a test says. */
const LONG_BEFORE = Date.parse("2026-01-01T00:00:00Z");
const local = (ms: number, tz = MADRID) => `${dateInZone(ms, tz)} ${timeInZone(ms, tz)}`;
const starts = (slots: { start: number }[], tz = MADRID) => slots.map((s) => local(s.start, tz));

describe("wall time and instants", () => {
  test("an ordinary day, winter and summer in Madrid", () => {
    expect(new Date(wallTimeToInstant("2026-01-15", 9 * 60, MADRID)).toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
    expect(new Date(wallTimeToInstant("2026-07-15", 9 * 60, MADRID)).toISOString()).toBe(
      "2026-07-15T07:00:00.000Z",
    );
  });
  test("the hour skipped in spring comes out an hour later; the repeated autumn hour is its later one", () => {
    // 2026-03-29: 02:00 → 03:00 in Madrid.
    expect(local(wallTimeToInstant("2026-03-29", 150, MADRID))).toBe("2026-03-29 03:30");
    // 2026-10-25: 03:00 → 02:00; 02:30 happens twice, the later is 01:30Z.
    expect(new Date(wallTimeToInstant("2026-10-25", 150, MADRID)).toISOString()).toBe(
      "2026-10-25T01:30:00.000Z",
    );
  });
  test("24:00 ends the day at the next midnight", () => {
    expect(local(wallTimeToInstant("2026-07-15", 1440, MADRID))).toBe("2026-07-16 00:00");
  });
});

describe("free slots", () => {
  test("the working ranges of a weekday cut into slots, none on the weekend", () => {
    const s = settings({ slotMinutes: 60 });
    // 2026-06-05 is a Friday, 06-06 a Saturday.
    expect(starts(freeSlots(s, { from: "2026-06-05", to: "2026-06-06" }, LONG_BEFORE, []))).toEqual([
      "2026-06-05 09:00",
      "2026-06-05 10:00",
      "2026-06-05 11:00",
      "2026-06-05 12:00",
      "2026-06-05 15:00",
      "2026-06-05 16:00",
      "2026-06-05 17:00",
    ]);
  });

  test("a daylight-saving day in Madrid has its real length, and the hours keep their wall time", () => {
    const night = [{ start: "00:00", end: "06:00" }];
    const s = settings({
      slotMinutes: 60,
      overrides: [
        { date: "2026-03-29", ranges: night },
        { date: "2026-10-25", ranges: night },
      ],
    });
    const spring = freeSlots(s, { from: "2026-03-29", to: "2026-03-29" }, LONG_BEFORE, []);
    expect(starts(spring)).toEqual([
      "2026-03-29 00:00",
      "2026-03-29 01:00",
      "2026-03-29 03:00",
      "2026-03-29 04:00",
      "2026-03-29 05:00",
    ]);
    const autumn = freeSlots(s, { from: "2026-10-25", to: "2026-10-25" }, LONG_BEFORE, []);
    expect(autumn).toHaveLength(7);
    expect(new Set(starts(autumn)).size).toBe(6); // 02:00 happens twice
    // Office hours stay at 09:00 local on either side of the change: the UTC instant moves.
    const week = freeSlots(settings(), { from: "2026-03-27", to: "2026-03-30" }, LONG_BEFORE, []);
    const firsts = week
      .filter((x) => timeInZone(x.start, MADRID) === "09:00")
      .map((x) => new Date(x.start).toISOString());
    expect(firsts).toEqual(["2026-03-27T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
  });

  test("a contact in New York sees the same instants at its own wall time, including the weeks the zones' DST differ", () => {
    const s = settings({ slotMinutes: 60 });
    // 2026-03-16: New York is already on summer time (since 8 March), Madrid not yet (29 March).
    const march = freeSlots(s, { from: "2026-03-16", to: "2026-03-16" }, LONG_BEFORE, []);
    expect(local(march[0]?.start ?? 0, "America/New_York")).toBe("2026-03-16 04:00");
    const june = freeSlots(s, { from: "2026-06-01", to: "2026-06-01" }, LONG_BEFORE, []);
    expect(local(june[0]?.start ?? 0, "America/New_York")).toBe("2026-06-01 03:00");
    // The afternoon's last slot (17:00 Madrid) is 11:00 in New York.
    expect(local(june.at(-1)?.start ?? 0, "America/New_York")).toBe("2026-06-01 11:00");
  });

  test("buffers space a range's slots (blocked ranges just touch); a busy time blocks only the slots it overlaps", () => {
    const s = settings({ slotMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 5 });
    const day = { from: "2026-06-01", to: "2026-06-01" };
    const morning = starts(freeSlots(s, day, LONG_BEFORE, [])).filter((x) => x < "2026-06-01 13:00");
    expect(morning).toEqual([
      "2026-06-01 09:00",
      "2026-06-01 09:45",
      "2026-06-01 10:30",
      "2026-06-01 11:15",
      "2026-06-01 12:00",
    ]);
    const free = freeSlots(s, day, LONG_BEFORE, []).slice(0, 5);
    for (let i = 1; i < free.length; i++)
      expect(blockedRange(s, free[i - 1]?.start ?? 0).to).toBe(blockedRange(s, free[i]?.start ?? 0).from);
    // Busy 10:20–10:40: 09:45's blocked range [09:35, 10:20) only touches it; 10:30's [10:20, 11:05) overlaps.
    const busy: Busy[] = [
      {
        from: wallTimeToInstant("2026-06-01", 620, MADRID),
        to: wallTimeToInstant("2026-06-01", 640, MADRID),
      },
    ];
    const left = starts(freeSlots(s, day, LONG_BEFORE, busy));
    expect(left).toContain("2026-06-01 09:45");
    expect(left).not.toContain("2026-06-01 10:30");
  });

  test("half-open: a booking ending at 10:00 leaves the 10:00 slot free, one starting at 10:00 the 09:30 slot", () => {
    const s = settings({ slotMinutes: 30 });
    const day = { from: "2026-06-01", to: "2026-06-01" };
    const at = (m: number) => wallTimeToInstant("2026-06-01", m, MADRID);
    const before = starts(freeSlots(s, day, LONG_BEFORE, [{ from: at(570), to: at(600) }]));
    expect(before).not.toContain("2026-06-01 09:30");
    expect(before).toContain("2026-06-01 10:00");
    const after = starts(freeSlots(s, day, LONG_BEFORE, [{ from: at(600), to: at(630) }]));
    expect(after).toContain("2026-06-01 09:30");
    expect(after).not.toContain("2026-06-01 10:00");
  });

  test("minimum notice and horizon count from now", () => {
    const now = Date.parse("2026-06-01T07:10:00Z"); // 09:10 in Madrid, a Monday
    const s = settings({ slotMinutes: 30, minNoticeMinutes: 120, horizonDays: 2 });
    const slots = starts(freeSlots(s, { from: "2026-06-01", to: "2026-06-05" }, now, []));
    expect(slots[0]).toBe("2026-06-01 11:30");
    // Two days ahead ends at 09:10 on Wednesday: 09:00 is the last slot offered.
    expect(slots.at(-1)).toBe("2026-06-03 09:00");
    expect(isOfferedStart(s, wallTimeToInstant("2026-06-01", 10 * 60, MADRID), now)).toBe(false);
    expect(isOfferedStart(s, wallTimeToInstant("2026-06-01", 12 * 60, MADRID), now)).toBe(true);
    expect(isOfferedStart(s, wallTimeToInstant("2026-06-01", 12 * 60 + 10, MADRID), now)).toBe(false);
  });

  test("days off close a day; an override replaces its hours, even on a day off or a weekend", () => {
    const s = settings({
      slotMinutes: 60,
      daysOff: ["2026-06-01", "2026-06-02"],
      overrides: [
        { date: "2026-06-02", ranges: [{ start: "10:00", end: "12:00" }] },
        { date: "2026-06-06", ranges: [{ start: "10:00", end: "11:00" }] },
        { date: "2026-06-03", ranges: [] },
      ],
    });
    const slots = starts(freeSlots(s, { from: "2026-06-01", to: "2026-06-07" }, LONG_BEFORE, []));
    expect(slots.filter((x) => x.startsWith("2026-06-01"))).toEqual([]);
    expect(slots.filter((x) => x.startsWith("2026-06-02"))).toEqual(["2026-06-02 10:00", "2026-06-02 11:00"]);
    expect(slots.filter((x) => x.startsWith("2026-06-03"))).toEqual([]);
    expect(slots.filter((x) => x.startsWith("2026-06-06"))).toEqual(["2026-06-06 10:00"]);
    expect(slots.filter((x) => x.startsWith("2026-06-04"))).toHaveLength(7);
  });
});

describe("properties", () => {
  const zones = ["Europe/Madrid", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe"];
  const time = fc.integer({ min: 0, max: 48 }).map((q) => q * 30);
  const hhmm = (m: number) =>
    m === 1440
      ? "24:00"
      : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const day = fc.array(fc.tuple(time, time), { maxLength: 3 }).map((pairs) => {
    const ranges = pairs
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
      .filter(([a, b]) => a < b)
      .sort((x, y) => x[0] - y[0]);
    const out: TimeRange[] = [];
    let last = -1;
    for (const [a, b] of ranges)
      if (a >= last) {
        out.push({ start: hhmm(a), end: hhmm(b) });
        last = b;
      }
    return out;
  });
  const arbSettings: fc.Arbitrary<AvailabilitySettings> = fc.record({
    timeZone: fc.constantFrom(...zones),
    slotMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
    bufferBeforeMinutes: fc.constantFrom(0, 5, 10, 15),
    bufferAfterMinutes: fc.constantFrom(0, 5, 10, 30),
    minNoticeMinutes: fc.integer({ min: 0, max: 3000 }),
    horizonDays: fc.integer({ min: 1, max: 20 }),
    weekly: fc.record(
      Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<(typeof WEEKDAYS)[number], typeof day>,
    ),
    daysOff: fc.array(
      fc.integer({ min: 0, max: 13 }).map((n) => addDays("2026-03-24", n)),
      { maxLength: 3 },
    ),
    overrides: fc.constant<AvailabilitySettings["overrides"]>([]),
  });
  // Around both daylight-saving changes of Europe and America.
  const from = fc.constantFrom<string>("2026-03-05", "2026-03-24", "2026-10-22", "2026-10-29", "2026-06-10");
  const now = fc
    .integer({ min: -3, max: 10 })
    .map((d) => Date.parse("2026-03-24T10:17:00Z") + d * 86_400_000);

  test("no two slots overlap, each lies in working hours, away from busy time, within notice and horizon", () => {
    fc.assert(
      fc.property(
        arbSettings,
        from,
        now,
        fc.array(fc.integer({ min: 0, max: 14 * 96 }), { maxLength: 6 }),
        (s, start, nowMs, busyAt) => {
          const span = { from: start, to: addDays(start, 13) };
          const base = Date.parse(`${start}T00:00:00Z`);
          const busy: Busy[] = busyAt.map((q) => ({
            from: base + q * 900_000,
            to: base + q * 900_000 + 3_600_000,
          }));
          const slots = freeSlots(s, span, nowMs, busy);
          for (let i = 1; i < slots.length; i++) {
            const prev = slots[i - 1];
            const cur = slots[i];
            if (!prev || !cur) continue;
            expect(prev.end).toBeLessThanOrEqual(cur.start);
          }
          for (const slot of slots) {
            expect(slot.end - slot.start).toBe(s.slotMinutes * 60_000);
            expect(slot.start).toBeGreaterThanOrEqual(nowMs + s.minNoticeMinutes * 60_000);
            expect(slot.start).toBeLessThanOrEqual(nowMs + s.horizonDays * 86_400_000);
            const b = blockedRange(s, slot.start);
            expect(busy.some((x) => x.from < b.to && b.from < x.to)).toBe(false);
            let inside = false;
            for (let d = span.from; d <= span.to; d = addDays(d, 1))
              for (const r of hoursOf(s, d)) {
                const rs = wallTimeToInstant(d, minutesOfDay(r.start), s.timeZone);
                const re = wallTimeToInstant(d, minutesOfDay(r.end), s.timeZone);
                if (rs <= slot.start && slot.end <= re) inside = true;
              }
            expect(inside).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
