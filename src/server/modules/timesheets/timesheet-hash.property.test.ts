import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type HashedEntry, timesheetEntriesHash } from "./timesheet-hash.js";

const entry: fc.Arbitrary<HashedEntry> = fc.record({
  id: fc.uuid(),
  workDate: fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  minutes: fc.integer({ min: 1, max: 1440 }),
  taskId: fc.option(fc.uuid(), { nil: null }),
  notes: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
  billable: fc.boolean(),
});
const entries = fc.uniqueArray(entry, { minLength: 1, maxLength: 8, selector: (e) => e.id });

describe("the entries hash (decision 040)", () => {
  test("does not depend on the order the entries are read in", () => {
    fc.assert(
      fc.property(entries, (list) => {
        expect(timesheetEntriesHash([...list].reverse())).toBe(timesheetEntriesHash(list));
        expect(timesheetEntriesHash(list)).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });

  test("changes when any hashed field of any entry changes, or an entry is added or removed", () => {
    fc.assert(
      fc.property(entries, fc.nat(), entry, (list, pick, other) => {
        const before = timesheetEntriesHash(list);
        const i = pick % list.length;
        const e = list[i] as HashedEntry;
        const changed: HashedEntry[] = [
          { ...e, minutes: (e.minutes ?? 0) + 1 },
          { ...e, billable: !e.billable },
          { ...e, notes: `${e.notes ?? ""}.` },
          { ...e, taskId: e.taskId === null ? other.id : null },
          { ...e, workDate: e.workDate === other.workDate ? "1999-12-31" : other.workDate },
        ];
        for (const c of changed) {
          const next = list.map((x, j) => (j === i ? c : x));
          expect(timesheetEntriesHash(next)).not.toBe(before);
        }
        if (list.length > 1) expect(timesheetEntriesHash(list.filter((_, j) => j !== i))).not.toBe(before);
        if (!list.some((x) => x.id === other.id))
          expect(timesheetEntriesHash([...list, other])).not.toBe(before);
      }),
    );
  });

  test("notes cannot be crafted to look like another entry split", () => {
    const a = { id: "a", workDate: "2026-01-01", minutes: 60, taskId: null, billable: true };
    expect(timesheetEntriesHash([{ ...a, notes: 'x","' }])).not.toBe(
      timesheetEntriesHash([{ ...a, notes: "x" }]),
    );
  });
});
