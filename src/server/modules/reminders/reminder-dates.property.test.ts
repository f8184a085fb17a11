import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderKind,
  type ReminderSettings,
} from "../../../shared/contracts/reminders.js";
import { addDays, daysBetween } from "../../../shared/dates.js";
import { CATCH_UP_DAYS, reminderDays, reminderToSend } from "./reminder-dates.js";

const settingsArb = fc
  .record({
    before: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
    on: fc.boolean(),
    after: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
  })
  .map(({ before, on, after }): ReminderSettings => {
    const s = structuredClone(DEFAULT_REMINDER_SETTINGS);
    s.before_due = { ...s.before_due, enabled: before !== null, days: before ?? 3 };
    s.on_due = { ...s.on_due, enabled: on };
    s.after_due = { ...s.after_due, enabled: after !== null, days: after ?? 7 };
    return s;
  });
/** Any day from 2024 to 2034, 29 February included. */
const dayArb = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2024-01-01", n));

/** The server runs the task on the days `up` says; returns what it sent on which day. */
function simulate(
  settings: ReminderSettings,
  issueDate: string,
  dueDate: string,
  up: (day: number) => boolean,
) {
  const sent = new Set<ReminderKind>();
  const log: { kind: ReminderKind; on: string; due: string }[] = [];
  for (let d = 0; d <= daysBetween(issueDate, dueDate) + 120; d++) {
    if (!up(d)) continue;
    const today = addDays(issueDate, d);
    for (let tick = 0; tick < 2; tick++) {
      const r = reminderToSend(settings, { issueDate, dueDate }, today, sent);
      if (r) {
        sent.add(r.kind);
        log.push({ kind: r.kind, on: today, due: r.date });
      }
    }
  }
  return log;
}

describe("which reminder is due", () => {
  test("a server up every day sends each enabled reminder once, on its own day, if it falls after issue", () => {
    fc.assert(
      fc.property(settingsArb, dayArb, fc.integer({ min: 0, max: 120 }), (settings, issueDate, terms) => {
        const dueDate = addDays(issueDate, terms);
        const log = simulate(settings, issueDate, dueDate, () => true);
        const expected = reminderDays(settings, dueDate).filter((r) => r.date >= issueDate);
        // A later reminder on the same day as an earlier one (never with days ≥ 1) would hide it.
        expect(log.map((l) => [l.kind, l.on])).toEqual(expected.map((r) => [r.kind, r.date]));
      }),
    );
  });

  test("with the server down on random days: each kind at most once, within the catch-up window, in order", () => {
    fc.assert(
      fc.property(
        settingsArb,
        dayArb,
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.boolean(), { minLength: 250, maxLength: 250 }),
        (settings, issueDate, terms, upDays) => {
          const dueDate = addDays(issueDate, terms);
          const log = simulate(settings, issueDate, dueDate, (d) => upDays[d] ?? true);
          expect(new Set(log.map((l) => l.kind)).size).toBe(log.length);
          const order = ["before_due", "on_due", "after_due"];
          for (const [i, l] of log.entries()) {
            expect(l.on >= l.due).toBe(true);
            expect(daysBetween(l.due, l.on)).toBeLessThanOrEqual(CATCH_UP_DAYS);
            expect(l.due >= issueDate).toBe(true);
            if (i > 0) expect(order.indexOf(l.kind)).toBeGreaterThan(order.indexOf(log[i - 1]?.kind ?? ""));
          }
        },
      ),
    );
  });
});
