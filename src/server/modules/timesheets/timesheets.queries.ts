import { and, asc, desc, eq, gte, inArray, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import type {
  TimesheetDetail,
  TimesheetEntry,
  TimesheetListQuery,
  TimesheetListTotals,
  TimesheetStatus,
  TimesheetSummary,
  TimesheetTotalsQuery,
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
import { type Keyed, type KeysetOrder, keysetSql, type PagePlan } from "../../lists/keyset.js";
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

type SummaryRow = {
  t: TimesheetRow;
  projectName: string;
  customerName: string;
  entryCount: number | null;
  minutes: number | null;
  billableMinutes: number | null;
};

const toSummary = (r: SummaryRow): TimesheetSummary => ({
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
});

/** Entry count and minutes per timesheet, of the timesheets `where` picks (all when absent). */
const entryTotals = (tx: Tx, where?: SQL) =>
  tx
    .select({
      timesheetId: timeEntries.timesheetId,
      entryCount: sql<number>`count(*)::int`.as("entry_count"),
      minutes: minutesSum().as("minutes"),
      billableMinutes: minutesSum(eq(timeEntries.billable, true)).as("billable_minutes"),
    })
    .from(timeEntries)
    .where(and(isNotNull(timeEntries.timesheetId), where))
    .groupBy(timeEntries.timesheetId)
    .as("totals");

/** Summaries, newest period first; RLS limits a contact to its customer's visible projects. */
export async function findSummaries(
  tx: Tx,
  filter: { status?: TimesheetStatus; projectId?: string; ids?: string[] },
): Promise<TimesheetSummary[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(timesheets.status, filter.status));
  if (filter.projectId) conditions.push(eq(timesheets.projectId, filter.projectId));
  if (filter.ids) conditions.push(inArray(timesheets.id, filter.ids));
  const totals = entryTotals(tx, filter.ids ? inArray(timeEntries.timesheetId, filter.ids) : undefined);
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
  return rows.map(toSummary);
}

/**
 * The orders of the back-office timesheet list (issue 19, decision 058): the period's first day is
 * served by (org_id, period_from, id) (timesheets_list_period_idx); the status by its text.
 */
export const timesheetOrders: Record<TimesheetListQuery["sort"], KeysetOrder> = {
  period: { name: "period", key: timesheets.periodFrom, cast: "date", id: timesheets.id },
  status: { name: "status", key: sql`(${timesheets.status})::text`, cast: "text", id: timesheets.id },
};

/** The list's filters as one condition (the page and the totals read the same set). */
export function timesheetListWhere(orgId: string, f: TimesheetTotalsQuery): SQL | undefined {
  return and(
    eq(timesheets.orgId, orgId),
    f.status ? eq(timesheets.status, f.status) : undefined,
    f.customerId ? eq(timesheets.customerId, f.customerId) : undefined,
    f.projectId ? eq(timesheets.projectId, f.projectId) : undefined,
    f.from ? gte(timesheets.periodFrom, f.from) : undefined,
    f.to ? lte(timesheets.periodFrom, f.to) : undefined,
  );
}

/** One keyset page's summaries (`readPage`'s fetch); the entry totals are read for these rows only. */
export async function findTimesheetRows(
  tx: Tx,
  orgId: string,
  query: TimesheetListQuery,
  plan: PagePlan,
): Promise<Keyed<TimesheetSummary>[]> {
  const ks = keysetSql(timesheetOrders[query.sort], plan);
  const rows = await tx
    .select({ t: timesheets, projectName: projects.name, customerName: customers.name, sortKey: ks.sortKey })
    .from(timesheets)
    .innerJoin(projects, eq(projects.id, timesheets.projectId))
    .innerJoin(customers, eq(customers.id, timesheets.customerId))
    .where(and(timesheetListWhere(orgId, query), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
  const ids = rows.map((r) => r.t.id);
  const totals = ids.length
    ? await tx
        .select({
          timesheetId: timeEntries.timesheetId,
          entryCount: sql<number>`count(*)::int`,
          minutes: minutesSum(),
          billableMinutes: minutesSum(eq(timeEntries.billable, true)),
        })
        .from(timeEntries)
        .where(inArray(timeEntries.timesheetId, ids))
        .groupBy(timeEntries.timesheetId)
    : [];
  const bySheet = new Map(totals.map((t) => [t.timesheetId, t]));
  return rows.map((r) => {
    const sums = bySheet.get(r.t.id);
    return {
      item: toSummary({
        ...r,
        entryCount: sums?.entryCount ?? 0,
        minutes: sums?.minutes ?? 0,
        billableMinutes: sums?.billableMinutes ?? 0,
      }),
      key: r.sortKey,
      id: r.t.id,
    };
  });
}

/** How many timesheets the filters match, and the minutes of their entries. */
export async function timesheetTotals(
  tx: Tx,
  orgId: string,
  f: TimesheetTotalsQuery,
): Promise<TimesheetListTotals> {
  const where = timesheetListWhere(orgId, f);
  const [counted] = await tx.select({ count: sql<number>`count(*)::int` }).from(timesheets).where(where);
  const [summed] = await tx
    .select({ minutes: minutesSum(), billableMinutes: minutesSum(eq(timeEntries.billable, true)) })
    .from(timeEntries)
    .innerJoin(timesheets, eq(timesheets.id, timeEntries.timesheetId))
    .where(where);
  return {
    count: Number(counted?.count ?? 0),
    totals: [],
    minutes: Number(summed?.minutes ?? 0),
    billableMinutes: Number(summed?.billableMinutes ?? 0),
  };
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
