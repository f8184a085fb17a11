import { and, eq, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type {
  ListTotals,
  ProjectDetail,
  ProjectListQuery,
  ProjectPage,
  ProjectSummary,
  ProjectTotalsQuery,
  projectBody,
  projectTaskBody,
  projectUpdateBody,
  TimeTotals,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { projects, projectTasks, timeEntries } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { readPage } from "../../lists/keyset.js";
import { loadCustomer } from "../customers/customers.service.js";
import {
  countProjects,
  customerNameOf,
  findProject,
  findProjectRows,
  findTask,
  hasTime,
  listTasks,
  type ProjectRow,
  pricedEntries,
  projectOrders,
  sumTotals,
  totalsByTask,
} from "./projects.queries.js";
import { timeValueOf } from "./time-pricing.js";

type ProjectInput = z.output<typeof projectBody>;
type ProjectUpdate = z.output<typeof projectUpdateBody>;
type TaskInput = z.output<typeof projectTaskBody>;

function toSummary(p: ProjectRow, customerName: string, totals: TimeTotals): ProjectSummary {
  return {
    id: p.id,
    customerId: p.customerId,
    customerName,
    name: p.name,
    currency: p.currency,
    billingMethod: p.billingMethod,
    status: p.status,
    budgetMinutes: p.budgetMinutes,
    budgetAmountMinor: p.budgetAmountMinor,
    visibleInPortal: p.visibleInPortal,
    needsApproval: p.needsApproval,
    totals,
    createdAt: p.createdAt.toISOString(),
  };
}

const noTime: TimeTotals = { loggedMinutes: 0, billableMinutes: 0, unbilledMinutes: 0, billedMinutes: 0 };

/** One keyset page of the organisation's projects (issue 19, decision 058), with their time totals. */
export function listProjects(db: Db, orgId: string, query: ProjectListQuery): Promise<ProjectPage> {
  return withOrg(db, orgId, (tx) =>
    readPage(projectOrders[query.sort], orgId, query, async (plan) =>
      (await findProjectRows(tx, orgId, query, plan)).map((r) => ({
        ...r,
        item: toSummary(r.item.project, r.item.customerName, r.item.totals),
      })),
    ),
  );
}

/** How many projects the list's filters match. */
export function projectListTotals(db: Db, orgId: string, query: ProjectTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, (tx) => countProjects(tx, orgId, query));
}

/** The project with its tasks, time totals and budget figures. */
export async function projectDetailInTx(tx: Tx, p: ProjectRow): Promise<ProjectDetail> {
  const tasks = await listTasks(tx, p.id);
  const byTask = await totalsByTask(tx, p.id);
  const customerName = await customerNameOf(tx, p.customerId);
  const billable = await pricedEntries(
    tx,
    and(eq(timeEntries.projectId, p.id), eq(timeEntries.billable, true)),
  );
  const billed = await pricedEntries(
    tx,
    and(eq(timeEntries.projectId, p.id), isNotNull(timeEntries.invoiceId)),
  );
  const fixed = p.billingMethod === "fixed";
  return {
    ...toSummary(p, customerName, sumTotals(byTask.values())),
    description: p.description,
    fixedAmountMinor: p.fixedAmountMinor,
    hourlyRateMinor: p.hourlyRateMinor,
    tasks: tasks.map((t) => ({
      id: t.id,
      name: t.name,
      hourlyRateMinor: t.hourlyRateMinor,
      archived: t.archived,
      totals: byTask.get(t.id) ?? noTime,
    })),
    billableValueMinor: fixed ? (billable.length ? (p.fixedAmountMinor ?? 0) : 0) : timeValueOf(p, billable),
    billedValueMinor: fixed ? (billed.length ? (p.fixedAmountMinor ?? 0) : 0) : timeValueOf(p, billed),
  };
}

export function getProject(db: Db, orgId: string, id: string): Promise<ProjectDetail> {
  return withOrg(db, orgId, async (tx) => projectDetailInTx(tx, await findProject(tx, id)));
}

const projectValues = (input: ProjectUpdate) => ({
  name: input.name,
  description: input.description,
  billingMethod: input.billingMethod,
  fixedAmountMinor: input.fixedAmountMinor ?? null,
  hourlyRateMinor: input.hourlyRateMinor ?? null,
  budgetMinutes: input.budgetMinutes ?? null,
  budgetAmountMinor: input.budgetAmountMinor ?? null,
  status: input.status,
  visibleInPortal: input.visibleInPortal,
  needsApproval: input.needsApproval,
});

export function createProject(db: Db, orgId: string, input: ProjectInput): Promise<ProjectDetail> {
  return withOrg(db, orgId, async (tx) => {
    const customer = await loadCustomer(tx, input.customerId);
    const [row] = await tx
      .insert(projects)
      .values({
        orgId,
        customerId: customer.id,
        currency: input.currency ?? customer.currency,
        ...projectValues(input),
      })
      .returning();
    return projectDetailInTx(tx, row as ProjectRow);
  });
}

/** Changes a project; its currency stays once some of its time is invoiced in it. */
export function updateProject(
  db: Db,
  orgId: string,
  id: string,
  input: ProjectUpdate,
): Promise<ProjectDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await findProject(tx, id, { lock: true });
    const currency = input.currency ?? current.currency;
    if (
      currency !== current.currency &&
      (await hasTime(tx, and(eq(timeEntries.projectId, id), isNotNull(timeEntries.invoiceId))))
    )
      throw new AppError("PROJECT_CURRENCY_LOCKED");
    const [row] = await tx
      .update(projects)
      .set({ ...projectValues(input), currency, updatedAt: clock.now() })
      .where(eq(projects.id, id))
      .returning();
    return projectDetailInTx(tx, row as ProjectRow);
  });
}

/** Deletes a project without time (its tasks go with it); one with time is archived instead. */
export function deleteProject(db: Db, orgId: string, id: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    await findProject(tx, id, { lock: true });
    if (await hasTime(tx, eq(timeEntries.projectId, id))) throw new AppError("PROJECT_HAS_TIME");
    await tx.delete(projects).where(eq(projects.id, id));
  });
}

export function createTask(
  db: Db,
  orgId: string,
  projectId: string,
  input: TaskInput,
): Promise<ProjectDetail> {
  return withOrg(db, orgId, async (tx) => {
    const project = await findProject(tx, projectId, { lock: true });
    await tx.insert(projectTasks).values({
      orgId,
      customerId: project.customerId,
      projectId,
      name: input.name,
      hourlyRateMinor: input.hourlyRateMinor ?? null,
      archived: input.archived,
    });
    return projectDetailInTx(tx, project);
  });
}

export function updateTask(
  db: Db,
  orgId: string,
  projectId: string,
  taskId: string,
  input: TaskInput,
): Promise<ProjectDetail> {
  return withOrg(db, orgId, async (tx) => {
    const project = await findProject(tx, projectId, { lock: true });
    await findTask(tx, projectId, taskId);
    await tx
      .update(projectTasks)
      .set({
        name: input.name,
        hourlyRateMinor: input.hourlyRateMinor ?? null,
        archived: input.archived,
        updatedAt: clock.now(),
      })
      .where(eq(projectTasks.id, taskId));
    return projectDetailInTx(tx, project);
  });
}

/** Deletes a task without time; one with time is archived instead. */
export function deleteTask(db: Db, orgId: string, projectId: string, taskId: string): Promise<ProjectDetail> {
  return withOrg(db, orgId, async (tx) => {
    const project = await findProject(tx, projectId, { lock: true });
    await findTask(tx, projectId, taskId);
    if (await hasTime(tx, eq(timeEntries.taskId, taskId))) throw new AppError("TASK_HAS_TIME");
    await tx.delete(projectTasks).where(eq(projectTasks.id, taskId));
    return projectDetailInTx(tx, project);
  });
}
