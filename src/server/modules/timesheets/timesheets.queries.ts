import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type {
  TimesheetDetail,
  TimesheetEntry,
  TimesheetStatus,
  TimesheetSummary,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import {
  contacts,
  customers,
  projects,
  projectTasks,
  timeEntries,
  timesheets,
  users,
} from "../../db/schema/index.js";
import { notFound } from "../../errors/errors.js";
import { timesheetEntriesHash } from "./timesheet-hash.js";

export type TimesheetRow = typeof timesheets.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type EntryRow = typeof timeEntries.$inferSelect;

/** The project, locked: submissions of one project take turns. RLS decides who sees it (404 otherwise). */
export async function lockProject(tx: Tx, id: string): Promise<ProjectRow> {
  const [p] = await tx.select().from(projects).where(eq(projects.id, id)).for("update");
  if (!p) throw notFound();
  return p;
}

export async function findTimesheet(tx: Tx, id: string): Promise<TimesheetRow> {
  const [t] = await tx.select().from(timesheets).where(eq(timesheets.id, id));
  if (!t) throw notFound();
  return t;
}

export async function lockTimesheet(tx: Tx, id: string): Promise<TimesheetRow> {
  const [t] = await tx.select().from(timesheets).where(eq(timesheets.id, id)).for("update");
  if (!t) throw notFound();
  return t;
}

/** Finished entries (not a running timer) of the project in the period, locked, in date order. */
export function lockEntriesInPeriod(
  tx: Tx,
  projectId: string,
  from: string,
  to: string,
): Promise<EntryRow[]> {
  return tx
    .select()
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.projectId, projectId),
        isNotNull(timeEntries.minutes),
        sql`${timeEntries.workDate} between ${from} and ${to}`,
      ),
    )
    .orderBy(asc(timeEntries.workDate), asc(timeEntries.id))
    .for("update");
}

/** The entries a timesheet covers (locked when it is decided). */
export function entriesOf(tx: Tx, timesheetId: string, lock = false): Promise<EntryRow[]> {
  const q = tx
    .select()
    .from(timeEntries)
    .where(eq(timeEntries.timesheetId, timesheetId))
    .orderBy(asc(timeEntries.workDate), asc(timeEntries.id));
  return lock ? q.for("update") : q;
}

export const hashOf = (entries: EntryRow[]) =>
  timesheetEntriesHash(
    entries.map((e) => ({
      id: e.id,
      workDate: e.workDate,
      minutes: e.minutes,
      taskId: e.taskId,
      notes: e.notes,
      billable: e.billable,
    })),
  );

const minutesSum = (where?: SQL) =>
  sql<number>`coalesce(sum(${timeEntries.minutes}) ${where ? sql`filter (where ${where})` : sql``}, 0)::int`;

/** Summaries, newest period first; RLS limits a contact to its customer's visible projects. */
export async function findSummaries(
  tx: Tx,
  filter: { status?: TimesheetStatus; projectId?: string; ids?: string[] },
): Promise<TimesheetSummary[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(timesheets.status, filter.status));
  if (filter.projectId) conditions.push(eq(timesheets.projectId, filter.projectId));
  if (filter.ids) conditions.push(inArray(timesheets.id, filter.ids));
  const totals = tx
    .select({
      timesheetId: timeEntries.timesheetId,
      entryCount: sql<number>`count(*)::int`.as("entry_count"),
      minutes: minutesSum().as("minutes"),
      billableMinutes: minutesSum(eq(timeEntries.billable, true)).as("billable_minutes"),
    })
    .from(timeEntries)
    .where(isNotNull(timeEntries.timesheetId))
    .groupBy(timeEntries.timesheetId)
    .as("totals");
  const rows = await tx
    .select({
      t: timesheets,
      projectName: projects.name,
      customerName: customers.name,
      entryCount: totals.entryCount,
      minutes: totals.minutes,
      billableMinutes: totals.billableMinutes,
    })
    .from(timesheets)
    .innerJoin(projects, eq(projects.id, timesheets.projectId))
    .innerJoin(customers, eq(customers.id, timesheets.customerId))
    .leftJoin(totals, eq(totals.timesheetId, timesheets.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(timesheets.periodFrom), desc(timesheets.submittedAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.t.id,
    projectId: r.t.projectId,
    projectName: r.projectName,
    customerId: r.t.customerId,
    customerName: r.customerName,
    periodFrom: r.t.periodFrom,
    periodTo: r.t.periodTo,
    status: r.t.status,
    submittedAt: r.t.submittedAt.toISOString(),
    decidedAt: r.t.decidedAt?.toISOString() ?? null,
    entryCount: r.entryCount ?? 0,
    minutes: r.minutes ?? 0,
    billableMinutes: r.billableMinutes ?? 0,
  }));
}

/** A timesheet with its entries, totals by day and task, and its decision's evidence. */
export async function findDetail(tx: Tx, t: TimesheetRow): Promise<TimesheetDetail> {
  const [summary] = await findSummaries(tx, { ids: [t.id] });
  if (!summary) throw notFound();
  const rows = await tx
    .select({ e: timeEntries, taskName: projectTasks.name, staffName: users.name })
    .from(timeEntries)
    .leftJoin(projectTasks, eq(projectTasks.id, timeEntries.taskId))
    .leftJoin(users, eq(users.id, timeEntries.userId))
    .where(eq(timeEntries.timesheetId, t.id))
    .orderBy(asc(timeEntries.workDate), asc(projectTasks.name), asc(timeEntries.id));
  const entries: TimesheetEntry[] = rows.map(({ e, taskName, staffName }) => ({
    id: e.id,
    workDate: e.workDate,
    minutes: e.minutes ?? 0,
    taskId: e.taskId,
    taskName,
    staffName: staffName ?? "",
    notes: e.notes,
    billable: e.billable,
    approvalStatus: e.approvalStatus,
    invoiced: e.invoiceId !== null,
  }));
  const byDay = new Map<string, number>();
  const byTask = new Map<string, { taskId: string | null; taskName: string | null; minutes: number }>();
  for (const e of entries) {
    byDay.set(e.workDate, (byDay.get(e.workDate) ?? 0) + e.minutes);
    const key = e.taskId ?? "";
    const task = byTask.get(key) ?? { taskId: e.taskId, taskName: e.taskName, minutes: 0 };
    task.minutes += e.minutes;
    byTask.set(key, task);
  }
  const names = await decisionNames(tx, t);
  return {
    ...summary,
    entriesHash: t.entriesHash,
    submittedByName: names.submittedBy,
    entries,
    totals: {
      byDay: [...byDay].map(([workDate, minutes]) => ({ workDate, minutes })),
      byTask: [...byTask.values()].sort((a, b) => (a.taskName ?? "").localeCompare(b.taskName ?? "")),
    },
    decision:
      t.decidedAt && (t.status === "approved" || t.status === "rejected")
        ? {
            by: t.decidedByContactId ? "contact" : "staff",
            name: names.decidedBy,
            at: t.decidedAt.toISOString(),
            from: t.decidedFrom,
            reason: t.rejectionReason,
          }
        : null,
    hashMatches: hashOf(rows.map((r) => r.e)) === t.entriesHash,
  };
}

/** Names of who submitted and who decided; a name the scope may not read (RLS) is blank. */
async function decisionNames(tx: Tx, t: TimesheetRow): Promise<{ submittedBy: string; decidedBy: string }> {
  const ids = [t.submittedBy, t.decidedByUserId].filter((id): id is string => id !== null);
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? "";
  let decidedBy = nameOf(t.decidedByUserId);
  if (t.decidedByContactId) {
    const [c] = await tx
      .select({ name: contacts.name })
      .from(contacts)
      .where(eq(contacts.id, t.decidedByContactId));
    decidedBy = c?.name ?? "";
  }
  return { submittedBy: nameOf(t.submittedBy), decidedBy };
}
