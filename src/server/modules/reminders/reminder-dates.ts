import type { ReminderKind, ReminderSettings } from "../../../shared/contracts/reminders.js";
import { addDays } from "../../../shared/dates.js";

/**
 * A reminder missed on its day (the server was down, the task failed) is still sent up to this many days
 * later; after that its window has passed and it is never sent (decision 038): a customer does not get
 * "due in 3 days" a week after the due date.
 */
export const CATCH_UP_DAYS = 3;

export interface ReminderDue {
  kind: ReminderKind;
  /** The day it was due: due date − days, the due date, or due date + days. */
  date: string;
  /** What `{{ days }}` says in the email (0 on the due date). */
  days: number;
}

/** The day each enabled reminder falls on for an invoice due on `dueDate`, in lifecycle order. */
export function reminderDays(settings: ReminderSettings, dueDate: string): ReminderDue[] {
  const out: ReminderDue[] = [];
  if (settings.before_due.enabled) {
    const days = settings.before_due.days;
    out.push({ kind: "before_due", date: addDays(dueDate, -days), days });
  }
  if (settings.on_due.enabled) out.push({ kind: "on_due", date: dueDate, days: 0 });
  if (settings.after_due.enabled) {
    const days = settings.after_due.days;
    out.push({ kind: "after_due", date: addDays(dueDate, days), days });
  }
  return out;
}

/**
 * The reminder to send today, if any: the latest enabled reminder whose day has come (an earlier one is
 * stale once a later one's day has come, so a missed week sends one email, not three), provided it was
 * not sent, its day is at most CATCH_UP_DAYS ago, and the invoice existed then (a reminder due before the
 * issue date is not sent: the invoice email itself just went).
 */
export function reminderToSend(
  settings: ReminderSettings,
  invoice: { dueDate: string; issueDate: string },
  today: string,
  sent: ReadonlySet<ReminderKind>,
): ReminderDue | null {
  const latest = reminderDays(settings, invoice.dueDate)
    .filter((r) => r.date <= today)
    .at(-1);
  if (!latest || sent.has(latest.kind)) return null;
  if (addDays(latest.date, CATCH_UP_DAYS) < today) return null;
  if (latest.date < invoice.issueDate) return null;
  return latest;
}
