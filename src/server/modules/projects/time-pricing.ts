import type { InvoiceTimeGrouping, ProjectBillingMethod } from "../../../shared/contracts/index.js";
import { divRoundHalfUp } from "../../../shared/money/rounding.js";

/**
 * What time is worth (decision 039), pure so it is property-tested: an hourly rate applies to hours
 * with three decimals, the invoice line's own precision, so every line reads quantity × rate = amount
 * exactly as the invoice's arithmetic computes it (round half up to the minor unit).
 */

export interface PricedEntry {
  id: string;
  taskId: string | null;
  taskName: string | null;
  workDate: string;
  notes: string | null;
  minutes: number;
  /** The task's rate, the member's rate: whichever the billing method reads. */
  taskRateMinor: number | null;
  staffRateMinor: number | null;
}

export interface RateSource {
  billingMethod: ProjectBillingMethod;
  hourlyRateMinor: number | null;
}

/** The hourly rate of an entry by the project's billing method; null when none applies. */
export function rateOf(project: RateSource, entry: PricedEntry): number | null {
  switch (project.billingMethod) {
    case "task_rate":
      return entry.taskRateMinor ?? project.hourlyRateMinor;
    case "staff_rate":
      return entry.staffRateMinor ?? project.hourlyRateMinor;
    default:
      return project.hourlyRateMinor;
  }
}

/** Minutes as hours × 1000, rounded half up (20 minutes = 0.333 h). */
export const hoursMilliOf = (minutes: number): number => Number(divRoundHalfUp(BigInt(minutes) * 1000n, 60n));

/** What an invoice line of `hoursMilli` at `rateMinor` per hour comes to, as the invoice computes it. */
export const amountOf = (hoursMilli: number, rateMinor: number): number =>
  Number(divRoundHalfUp(BigInt(hoursMilli) * BigInt(rateMinor), 1000n));

export interface TimeLine {
  /** The task's name, the entry's date and notes, or null for a single line; the caller words it. */
  taskName: string | null;
  workDate: string | null;
  notes: string | null;
  minutes: number;
  hoursMilli: number;
  rateMinor: number;
  amountMinor: number;
  entryIds: string[];
}

/**
 * The invoice lines of some entries: one per task and rate (`task`), one per entry (`entry`) or one per
 * rate (`single`: one line unless members' rates differ). Minutes are summed before they become hours,
 * so a line rounds once. Throws `missing_rate` (with the entry) when an entry has no rate.
 */
export function timeLines(
  project: RateSource,
  entries: PricedEntry[],
  grouping: InvoiceTimeGrouping,
): TimeLine[] {
  const groups = new Map<string, TimeLine>();
  for (const entry of entries) {
    const rate = rateOf(project, entry);
    if (rate === null) throw new MissingRateError(entry.id);
    const key =
      grouping === "entry" ? entry.id : grouping === "task" ? `${entry.taskId ?? ""}|${rate}` : `${rate}`;
    const line = groups.get(key) ?? {
      taskName: grouping === "single" ? null : entry.taskName,
      workDate: grouping === "entry" ? entry.workDate : null,
      notes: grouping === "entry" ? entry.notes : null,
      minutes: 0,
      hoursMilli: 0,
      rateMinor: rate,
      amountMinor: 0,
      entryIds: [],
    };
    line.minutes += entry.minutes;
    line.entryIds.push(entry.id);
    groups.set(key, line);
  }
  return [...groups.values()].map((line) => {
    const hoursMilli = hoursMilliOf(line.minutes);
    return { ...line, hoursMilli, amountMinor: amountOf(hoursMilli, line.rateMinor) };
  });
}

export class MissingRateError extends Error {
  constructor(readonly entryId: string) {
    super(`time entry ${entryId} has no hourly rate`);
  }
}

/** The value of some time at its rates (entries without a rate count as 0), as `timeLines` by task would bill it. */
export function timeValueOf(project: RateSource, entries: PricedEntry[]): number {
  const priced = entries.filter((e) => rateOf(project, e) !== null);
  return timeLines(project, priced, "task").reduce((sum, l) => sum + l.amountMinor, 0);
}
