import { createHash } from "node:crypto";

/** What the hash covers of one entry: exactly what the customer approves. */
export interface HashedEntry {
  id: string;
  workDate: string;
  minutes: number | null;
  taskId: string | null;
  notes: string | null;
  billable: boolean;
}

/** Bumped if the canonical form ever changes; stored hashes of the old form then stop matching. */
export const TIMESHEET_HASH_VERSION = 1;

/**
 * sha256 (hex) of the exact entry set: each entry's id, date, minutes, task, notes and billable flag, in
 * id order, as JSON arrays (unambiguous whatever the notes contain). Any change to any of those, or an
 * entry added or removed, gives another hash (decision 040).
 */
export function timesheetEntriesHash(entries: readonly HashedEntry[]): string {
  const canonical = [...entries]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => [e.id, e.workDate, e.minutes, e.taskId ?? "", e.notes ?? "", e.billable]);
  return createHash("sha256")
    .update(JSON.stringify([TIMESHEET_HASH_VERSION, canonical]))
    .digest("hex");
}
