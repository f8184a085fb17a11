import { eq } from "drizzle-orm";
import { memberships, organisations, projects, projectTasks, timeEntries } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { daysFromToday } from "../../test/dates.js";
import type { TestOrg } from "../../test/factories.js";
import type { TestContext } from "../../test/harness.js";

/**
 * Projects, tasks and time entries written straight to the tables (the projects module owns their API;
 * these tests are about approving time, whatever logged it).
 */
export interface TestProject {
  id: string;
  customerId: string;
  taskIds: [string, string];
}

export async function ownerUserId(ctx: TestContext, org: TestOrg): Promise<string> {
  const [m] = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.role, "owner")),
  );
  if (!m) throw new Error("no owner");
  return m.userId;
}

export async function buildProject(
  ctx: TestContext,
  org: TestOrg,
  customerId: string,
  opts: { name?: string; visible?: boolean; needsApproval?: boolean; status?: "active" | "completed" } = {},
): Promise<TestProject> {
  return withOrg(ctx.database.db, org.orgId, async (tx) => {
    const [p] = await tx
      .insert(projects)
      .values({
        orgId: org.orgId,
        customerId,
        name: opts.name ?? "Web redesign",
        currency: "EUR",
        hourlyRateMinor: 6000,
        visibleInPortal: opts.visible ?? true,
        needsApproval: opts.needsApproval ?? true,
        status: opts.status ?? "active",
      })
      .returning();
    if (!p) throw new Error("project");
    const tasks = await tx
      .insert(projectTasks)
      .values(
        ["Design", "Development"].map((name) => ({ orgId: org.orgId, customerId, projectId: p.id, name })),
      )
      .returning();
    return { id: p.id, customerId, taskIds: [tasks[0]?.id ?? "", tasks[1]?.id ?? ""] };
  });
}

export async function addEntry(
  ctx: TestContext,
  org: TestOrg,
  project: TestProject,
  userId: string,
  e: { daysAgo: number; minutes: number; task?: 0 | 1 | null; notes?: string; billable?: boolean },
): Promise<string> {
  const [row] = await withOrg(ctx.database.db, org.orgId, (tx) =>
    tx
      .insert(timeEntries)
      .values({
        orgId: org.orgId,
        customerId: project.customerId,
        projectId: project.id,
        taskId: e.task === null ? null : project.taskIds[e.task ?? 0],
        userId,
        workDate: daysFromToday(-e.daysAgo),
        minutes: e.minutes,
        notes: e.notes ?? null,
        billable: e.billable ?? true,
      })
      .returning(),
  );
  if (!row) throw new Error("entry");
  return row.id;
}

/** Turns the C4 option on or off, keeping the others. */
export const showProjects = (ctx: TestContext, org: TestOrg, on: boolean) =>
  withOrg(ctx.database.db, org.orgId, async (tx) => {
    const [o] = await tx.select().from(organisations).where(eq(organisations.id, org.orgId));
    await tx
      .update(organisations)
      .set({ portalOptions: { ...(o?.portalOptions as object), showProjects: on } })
      .where(eq(organisations.id, org.orgId));
  });
