import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import type {
  ListTotals,
  ProjectListQuery,
  ProjectTotalsQuery,
  TimeEntry,
  TimeTotals,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import {
  customers,
  invoices,
  memberships,
  projects,
  projectTasks,
  timeEntries,
  users,
} from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { type Keyed, type KeysetOrder, keysetSql, type PagePlan } from "../../lists/keyset.js";
import type { PricedEntry } from "./time-pricing.js";

export type ProjectRow = typeof projects.$inferSelect;
export type TaskRow = typeof projectTasks.$inferSelect;
export type TimeEntryRow = typeof timeEntries.$inferSelect;

const asInt = (v: unknown) => Number(v ?? 0);

/** A project of the organisation (row-level security keeps others out: their ids answer 404). */
export async function findProject(tx: Tx, id: string, opts: { lock?: boolean } = {}): Promise<ProjectRow> {
  const q = tx.select().from(projects).where(eq(projects.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function findTask(tx: Tx, projectId: string, taskId: string): Promise<TaskRow> {
  const [row] = await tx
    .select()
    .from(projectTasks)
    .where(and(eq(projectTasks.id, taskId), eq(projectTasks.projectId, projectId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function findEntry(tx: Tx, id: string, opts: { lock?: boolean } = {}): Promise<TimeEntryRow> {
  const q = tx.select().from(timeEntries).where(eq(timeEntries.id, id));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export const listTasks = (tx: Tx, projectId: string): Promise<TaskRow[]> =>
  tx
    .select()
    .from(projectTasks)
    .where(eq(projectTasks.projectId, projectId))
    .orderBy(asc(projectTasks.archived), asc(projectTasks.createdAt), asc(projectTasks.id));

const totalsColumns = {
  logged: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)`.as("logged"),
  billable: sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.billable}), 0)`.as(
    "billable",
  ),
  unbilled:
    sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.billable} and ${timeEntries.invoiceId} is null), 0)`.as(
      "unbilled",
    ),
  billed:
    sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.invoiceId} is not null), 0)`.as(
      "billed",
    ),
};

const toTotals = (r?: {
  logged: unknown;
  billable: unknown;
  unbilled: unknown;
  billed: unknown;
}): TimeTotals => ({
  loggedMinutes: asInt(r?.logged),
  billableMinutes: asInt(r?.billable),
  unbilledMinutes: asInt(r?.unbilled),
  billedMinutes: asInt(r?.billed),
});

/** Logged / billable / unbilled / billed minutes per task of a project (key "" for time without a task). */
export async function totalsByTask(tx: Tx, projectId: string): Promise<Map<string, TimeTotals>> {
  const rows = await tx
    .select({ taskId: timeEntries.taskId, ...totalsColumns })
    .from(timeEntries)
    .where(and(eq(timeEntries.projectId, projectId), isNotNull(timeEntries.minutes)))
    .groupBy(timeEntries.taskId);
  return new Map(rows.map((r) => [r.taskId ?? "", toTotals(r)]));
}

export function sumTotals(all: Iterable<TimeTotals>): TimeTotals {
  const out = toTotals();
  for (const t of all) {
    out.loggedMinutes += t.loggedMinutes;
    out.billableMinutes += t.billableMinutes;
    out.unbilledMinutes += t.unbilledMinutes;
    out.billedMinutes += t.billedMinutes;
  }
  return out;
}

/**
 * The orders of the back-office project list (issue 19, decision 058): name and created are served by
 * (org_id, key, id); the customer's name is read through the join.
 */
export const projectOrders: Record<ProjectListQuery["sort"], KeysetOrder> = {
  name: { name: "name", key: projects.name, cast: "text", id: projects.id },
  customer: { name: "customer", key: customers.name, cast: "text", id: projects.id },
  created: { name: "created", key: projects.createdAt, cast: "timestamptz", id: projects.id },
};

/** The list's filters as one condition (the page and the totals read the same set). */
export function projectListWhere(orgId: string, f: ProjectTotalsQuery): SQL | undefined {
  return and(
    eq(projects.orgId, orgId),
    f.customerId ? eq(projects.customerId, f.customerId) : undefined,
    f.status ? eq(projects.status, f.status) : undefined,
  );
}

export type ProjectListRow = { project: ProjectRow; customerName: string; totals: TimeTotals };

/** One keyset page's rows (`readPage`'s fetch) with their customer and time totals (of these rows only). */
export async function findProjectRows(
  tx: Tx,
  orgId: string,
  query: ProjectListQuery,
  plan: PagePlan,
): Promise<Keyed<ProjectListRow>[]> {
  const ks = keysetSql(projectOrders[query.sort], plan);
  const rows = await tx
    .select({ project: projects, customerName: customers.name, sortKey: ks.sortKey })
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .where(and(projectListWhere(orgId, query), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
  const ids = rows.map((r) => r.project.id);
  const totals = ids.length
    ? await tx
        .select({ projectId: timeEntries.projectId, ...totalsColumns })
        .from(timeEntries)
        .where(and(inArray(timeEntries.projectId, ids), isNotNull(timeEntries.minutes)))
        .groupBy(timeEntries.projectId)
    : [];
  const byProject = new Map(totals.map((t) => [t.projectId, toTotals(t)]));
  return rows.map((r) => ({
    item: {
      project: r.project,
      customerName: r.customerName,
      totals: byProject.get(r.project.id) ?? toTotals(),
    },
    key: r.sortKey,
    id: r.project.id,
  }));
}

/** How many projects the filters match (projects have no amount column to sum). */
export async function countProjects(tx: Tx, orgId: string, f: ProjectTotalsQuery): Promise<ListTotals> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(projects)
    .where(projectListWhere(orgId, f));
  return { count: Number(row?.count ?? 0), totals: [] };
}

export async function customerNameOf(tx: Tx, customerId: string): Promise<string> {
  const [row] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  return row?.name ?? "";
}

export const hasTime = async (tx: Tx, where: SQL | undefined): Promise<boolean> =>
  (await tx.select({ id: timeEntries.id }).from(timeEntries).where(where).limit(1)).length > 0;

/** Finished entries with what pricing needs: the task's and the member's rates. */
export async function pricedEntries(
  tx: Tx,
  where: SQL | undefined,
  opts: { lock?: boolean } = {},
): Promise<PricedEntry[]> {
  const q = tx
    .select({
      id: timeEntries.id,
      taskId: timeEntries.taskId,
      taskName: projectTasks.name,
      workDate: timeEntries.workDate,
      notes: timeEntries.notes,
      minutes: timeEntries.minutes,
      taskRateMinor: projectTasks.hourlyRateMinor,
      staffRateMinor: memberships.hourlyRateMinor,
    })
    .from(timeEntries)
    .leftJoin(projectTasks, eq(projectTasks.id, timeEntries.taskId))
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, timeEntries.orgId), eq(memberships.userId, timeEntries.userId)),
    )
    .where(and(where, isNotNull(timeEntries.minutes)))
    .orderBy(asc(timeEntries.workDate), asc(timeEntries.createdAt), asc(timeEntries.id));
  const rows = opts.lock ? await q.for("update", { of: timeEntries }) : await q;
  return rows.map((r) => ({ ...r, minutes: r.minutes ?? 0 }));
}

export interface EntryFilter {
  projectId?: string;
  userId?: string;
  from?: string;
  to?: string;
  billing?: "all" | "unbilled" | "billed";
  running?: boolean;
}

/** Time entries joined to the names an entry shows (project, task, person, invoice number). */
const entriesWithNames = (tx: Tx) =>
  tx
    .select({
      entry: timeEntries,
      projectName: projects.name,
      taskName: projectTasks.name,
      userName: users.name,
      invoiceNumber: invoices.number,
    })
    .from(timeEntries)
    .innerJoin(projects, eq(projects.id, timeEntries.projectId))
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .leftJoin(projectTasks, eq(projectTasks.id, timeEntries.taskId))
    .leftJoin(invoices, eq(invoices.id, timeEntries.invoiceId));

/** Entries with the names a list shows, newest first. */
export async function listEntries(tx: Tx, f: EntryFilter, limit = 2000): Promise<TimeEntry[]> {
  const rows = await entriesWithNames(tx)
    .where(
      and(
        f.projectId ? eq(timeEntries.projectId, f.projectId) : undefined,
        f.userId ? eq(timeEntries.userId, f.userId) : undefined,
        f.from ? gte(timeEntries.workDate, f.from) : undefined,
        f.to ? lte(timeEntries.workDate, f.to) : undefined,
        f.billing === "unbilled"
          ? and(eq(timeEntries.billable, true), isNull(timeEntries.invoiceId))
          : undefined,
        f.billing === "billed" ? isNotNull(timeEntries.invoiceId) : undefined,
        f.running === true ? and(isNotNull(timeEntries.startedAt), isNull(timeEntries.endedAt)) : undefined,
      ),
    )
    .orderBy(desc(timeEntries.workDate), desc(timeEntries.createdAt), desc(timeEntries.id))
    .limit(limit);
  return rows.map((r) => toTimeEntry(r.entry, r));
}

/** Invoiced time is locked; time awaiting approval may change, which withdraws its timesheet (decision 040). */
export function lockReason(e: TimeEntryRow): "TIME_ENTRY_BILLED" | null {
  return e.invoiceId ? "TIME_ENTRY_BILLED" : null;
}

export function toTimeEntry(
  e: TimeEntryRow,
  names: { projectName: string; taskName: string | null; userName: string; invoiceNumber: string | null },
): TimeEntry {
  return {
    id: e.id,
    projectId: e.projectId,
    projectName: names.projectName,
    customerId: e.customerId,
    taskId: e.taskId,
    taskName: names.taskName,
    userId: e.userId,
    userName: names.userName,
    workDate: e.workDate,
    minutes: e.minutes,
    startedAt: e.startedAt?.toISOString() ?? null,
    endedAt: e.endedAt?.toISOString() ?? null,
    notes: e.notes,
    billable: e.billable,
    invoiceId: e.invoiceId,
    invoiceNumber: e.invoiceId ? names.invoiceNumber : null,
    timesheetId: e.timesheetId,
    approvalStatus: e.approvalStatus,
    editable: lockReason(e) === null && e.minutes !== null,
  };
}

export async function entryById(tx: Tx, id: string): Promise<TimeEntry> {
  const [row] = await entriesWithNames(tx).where(eq(timeEntries.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  return toTimeEntry(row.entry, row);
}

export const isMember = async (tx: Tx, userId: string): Promise<boolean> =>
  (
    await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt)))
  ).length > 0;
