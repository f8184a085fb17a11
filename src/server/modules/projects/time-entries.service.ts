import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { z } from "zod";
import type {
  RunningTimer,
  TimeEntry,
  timeEntryBody,
  timeEntryListQuery,
  timerStartBody,
} from "../../../shared/contracts/index.js";
import { MAX_ENTRY_MINUTES } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { projectTasks, timeEntries } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError, invalid } from "../../errors/errors.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { withdrawTimesheetOfEntry } from "../timesheets/timesheets.service.js";
import {
  entryById,
  findEntry,
  findProject,
  isMember,
  listEntries,
  lockReason,
  type ProjectRow,
  type TimeEntryRow,
} from "./projects.queries.js";

type EntryInput = z.output<typeof timeEntryBody>;
type TimerInput = z.output<typeof timerStartBody>;
type ListQuery = z.output<typeof timeEntryListQuery>;

/** Who logs time: the signed-in person (or the API key's creator). */
export interface TimeActor {
  orgId: string;
  userId: string;
}

/** The project time goes to: active, and the task (if any) its own and not archived. */
async function target(tx: Tx, projectId: string, taskId: string | null | undefined): Promise<ProjectRow> {
  const project = await findProject(tx, projectId);
  if (project.status !== "active") throw new AppError("PROJECT_NOT_ACTIVE");
  if (taskId) {
    const [task] = await tx
      .select()
      .from(projectTasks)
      .where(and(eq(projectTasks.id, taskId), eq(projectTasks.projectId, projectId)));
    if (!task) throw invalid("body.taskId", "not a task of this project", "unknown_task");
    if (task.archived) throw new AppError("TASK_ARCHIVED");
  }
  return project;
}

/** The minutes of a duration, or of a span (rounded to the nearest minute, at least one). */
function minutesOf(input: EntryInput): { minutes: number; startedAt: Date | null; endedAt: Date | null } {
  if (!input.startedAt || !input.endedAt)
    return { minutes: input.minutes as number, startedAt: null, endedAt: null };
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  const minutes = Math.max(1, Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000));
  if (minutes > MAX_ENTRY_MINUTES)
    throw invalid("body.endedAt", "an entry lasts at most a day", "too_big", {
      maximum: MAX_ENTRY_MINUTES,
      origin: "number",
    });
  return { minutes, startedAt, endedAt };
}

async function whose(tx: Tx, actor: TimeActor, userId: string | undefined): Promise<string> {
  if (userId === undefined || userId === actor.userId) return actor.userId;
  if (!(await isMember(tx, userId)))
    throw invalid("body.userId", "not a member of the team", "unknown_member");
  return userId;
}

function refuseLocked(entry: TimeEntryRow): void {
  const reason = lockReason(entry);
  if (reason) throw new AppError(reason);
}

export function listProjectEntries(
  db: Db,
  orgId: string,
  projectId: string,
  q: ListQuery,
): Promise<TimeEntry[]> {
  return withOrg(db, orgId, async (tx) => {
    await findProject(tx, projectId);
    return listEntries(tx, { projectId, from: q.from, to: q.to, billing: q.billing });
  });
}

export function createTimeEntry(db: Db, actor: TimeActor, input: EntryInput): Promise<TimeEntry> {
  return withOrg(db, actor.orgId, async (tx) => {
    const project = await target(tx, input.projectId, input.taskId);
    const userId = await whose(tx, actor, input.userId);
    const [row] = await tx
      .insert(timeEntries)
      .values({
        orgId: actor.orgId,
        customerId: project.customerId,
        projectId: project.id,
        taskId: input.taskId ?? null,
        userId,
        workDate: input.workDate,
        ...minutesOf(input),
        notes: input.notes,
        billable: input.billable,
      })
      .returning({ id: timeEntries.id });
    return entryById(tx, (row as { id: string }).id);
  });
}

/**
 * Changes an entry that is not invoiced (nor a running timer). A change to time awaiting approval or
 * approved withdraws its timesheet: the customer only ever approves the exact set it was shown, so the
 * changed time needs sending again (decisions 039, 040). Rejected time keeps its status until resent.
 */
export function updateTimeEntry(db: Db, actor: TimeActor, id: string, input: EntryInput): Promise<TimeEntry> {
  return withOrg(db, actor.orgId, async (tx) => {
    const current = await findEntry(tx, id, { lock: true });
    refuseLocked(current);
    if (current.minutes === null) throw new AppError("TIME_ENTRY_RUNNING");
    // The customer is asked to approve, or approved, the exact set: its timesheet is withdrawn (decision 040).
    await withdrawTimesheetOfEntry(tx, id);
    const project = await target(tx, input.projectId, input.taskId);
    const userId = input.userId === undefined ? current.userId : await whose(tx, actor, input.userId);
    await tx
      .update(timeEntries)
      .set({
        customerId: project.customerId,
        projectId: project.id,
        taskId: input.taskId ?? null,
        userId,
        workDate: input.workDate,
        ...minutesOf(input),
        notes: input.notes,
        billable: input.billable,
        approvalStatus: current.approvalStatus === "rejected" ? "rejected" : "none",
        updatedAt: clock.now(),
      })
      .where(eq(timeEntries.id, id));
    return entryById(tx, id);
  });
}

/** Deletes an entry that is not invoiced (withdrawing its timesheet, as a change does); a running timer is discarded. */
export function deleteTimeEntry(db: Db, orgId: string, id: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    refuseLocked(await findEntry(tx, id, { lock: true }));
    await withdrawTimesheetOfEntry(tx, id);
    await tx.delete(timeEntries).where(eq(timeEntries.id, id));
  });
}

const runningOf = (userId: string) =>
  and(eq(timeEntries.userId, userId), isNotNull(timeEntries.startedAt), isNull(timeEntries.endedAt));

export function getRunningTimer(db: Db, actor: TimeActor): Promise<RunningTimer> {
  return withOrg(db, actor.orgId, async (tx) => {
    const [entry] = await listEntries(tx, { userId: actor.userId, running: true }, 1);
    return { entry: entry ?? null };
  });
}

/** Starts the caller's timer on a project (today in the organisation's time zone); one at a time. */
export function startTimer(db: Db, actor: TimeActor, input: TimerInput): Promise<RunningTimer> {
  return withOrg(db, actor.orgId, async (tx) => {
    const project = await target(tx, input.projectId, input.taskId);
    const [running] = await tx
      .select({ id: timeEntries.id })
      .from(timeEntries)
      .where(runningOf(actor.userId));
    if (running) throw new AppError("TIMER_ALREADY_RUNNING");
    const org = await loadOrganisation(tx, actor.orgId);
    try {
      const [row] = await tx
        .insert(timeEntries)
        .values({
          orgId: actor.orgId,
          customerId: project.customerId,
          projectId: project.id,
          taskId: input.taskId ?? null,
          userId: actor.userId,
          workDate: clock.today(org.timeZone),
          minutes: null,
          startedAt: clock.now(),
          notes: input.notes,
          billable: input.billable,
        })
        .returning({ id: timeEntries.id });
      return { entry: await entryById(tx, (row as { id: string }).id) };
    } catch (err) {
      if (isUniqueViolation(err, "time_entries_one_timer_key")) throw new AppError("TIMER_ALREADY_RUNNING");
      throw err;
    }
  });
}

/**
 * Stops the caller's timer: its minutes are the time elapsed, rounded to the nearest minute, at least
 * one and at most a day (a timer forgotten overnight is then corrected by hand).
 */
export function stopTimer(db: Db, actor: TimeActor): Promise<TimeEntry> {
  return withOrg(db, actor.orgId, async (tx) => {
    const [running] = await tx.select().from(timeEntries).where(runningOf(actor.userId)).for("update");
    if (!running?.startedAt) throw new AppError("TIMER_NOT_RUNNING");
    const started = running.startedAt.getTime();
    const endedAt = new Date(Math.max(clock.nowMs(), started + 1000));
    const minutes = Math.min(
      MAX_ENTRY_MINUTES,
      Math.max(1, Math.round((endedAt.getTime() - started) / 60_000)),
    );
    await tx
      .update(timeEntries)
      .set({ endedAt, minutes, updatedAt: clock.now() })
      .where(eq(timeEntries.id, running.id));
    return entryById(tx, running.id);
  });
}
