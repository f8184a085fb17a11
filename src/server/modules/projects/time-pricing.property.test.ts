import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeTotals, divRoundHalfUp } from "../../../shared/money/index.js";
import { type PricedEntry, timeLines } from "./time-pricing.js";

const entryArb = fc.record({
  taskId: fc.constantFrom(null, "t1", "t2"),
  minutes: fc.integer({ min: 1, max: 1440 }),
  taskRateMinor: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  staffRateMinor: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
});

describe("time pricing (decision 039)", () => {
  test("invoiced amounts equal the sum, per line, of its hours (3 decimals, half up) × rate, as the invoice computes it", () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("project_rate", "task_rate", "staff_rate") as fc.Arbitrary<
          "project_rate" | "task_rate" | "staff_rate"
        >,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom("task", "entry", "single") as fc.Arbitrary<"task" | "entry" | "single">,
        (raw, billingMethod, projectRate, grouping) => {
          const entries: PricedEntry[] = raw.map((e, i) => ({
            ...e,
            id: `e${i}`,
            taskName: e.taskId,
            workDate: "2026-01-01",
            notes: null,
          }));
          const project = { billingMethod, hourlyRateMinor: projectRate };
          const lines = timeLines(project, entries, grouping);
          // Every entry is billed exactly once.
          expect(lines.flatMap((l) => l.entryIds).sort()).toEqual(entries.map((e) => e.id).sort());
          expect(lines.reduce((s, l) => s + l.minutes, 0)).toBe(entries.reduce((s, e) => s + e.minutes, 0));
          // Each line: hours = minutes / 60 to three decimals (half up); amount = hours × rate (half up).
          let expected = 0n;
          for (const l of lines) {
            const hoursMilli = divRoundHalfUp(BigInt(l.minutes) * 1000n, 60n);
            expect(l.hoursMilli).toBe(Number(hoursMilli));
            expected += divRoundHalfUp(hoursMilli * BigInt(l.rateMinor), 1000n);
          }
          // The invoice's own arithmetic gives the same net total.
          const totals = computeTotals(
            lines.map((l) => ({
              quantityMilli: l.hoursMilli,
              unitPriceMinor: l.rateMinor,
              discountBp: 0,
              taxes: [],
            })),
          );
          expect(totals.totals.netMinor).toBe(Number(expected));
          expect(lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(Number(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("whole-hour multiples are exact: n × 60 minutes at r per hour is n × r", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 1_000_000 }), (n, rate) => {
        const [line] = timeLines(
          { billingMethod: "project_rate", hourlyRateMinor: rate },
          [
            {
              id: "a",
              taskId: null,
              taskName: null,
              workDate: "2026-01-01",
              notes: null,
              minutes: n * 60,
              taskRateMinor: null,
              staffRateMinor: null,
            },
          ],
          "single",
        );
        expect(line?.amountMinor).toBe(n * rate);
      }),
    );
  });
});
