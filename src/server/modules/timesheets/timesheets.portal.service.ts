import { and, asc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type {
  ApproveTimesheetBody,
  PortalProjectDetail,
  PortalProjectSummary,
  PortalTimesheetDetail,
  PortalTimesheetListQuery,
  PortalTimesheetSummary,
} from "../../../shared/contracts/index.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, projects, projectTasks, timeEntries, timesheets } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { notFound } from "../../errors/errors.js";
import { type AuditOrigin, recordContactEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer } from "../customers/customers.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { assertPortalAllows, portalOptionsOf } from "../organisation/portal-policy.js";
import { findDetail, findSummaries, findTimesheet, type TimesheetRow } from "./timesheets.queries.js";
import { applyDecision, type Decision, lockDecidable, reasonOf } from "./timesheets.service.js";

/**
 * The portal's projects and timesheets (E7, E8) exist only while the organisation shows projects (C4
 * showProjects); row-level security limits a contact to its customer's projects marked visible in the
 * portal, so another customer's timesheet, or one of a hidden project, answers 404.
 */
async function assertShown(tx: Tx, orgId: string): Promise<void> {
  assertPortalAllows(portalOptionsOf(await loadOrganisation(tx, orgId)), "showProjects");
}

const portalSummary = <T extends { customerId: string; customerName: string }>({
  customerId: _c,
  customerName: _n,
  ...rest
}: T) => rest;

export function listPortalTimesheets(
  db: Db,
  p: ContactPrincipal,
  query: PortalTimesheetListQuery,
): Promise<PortalTimesheetSummary[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    return (await findSummaries(tx, { status: query.status })).map(portalSummary);
  });
}

async function portalDetail(tx: Tx, p: ContactPrincipal, t: TimesheetRow): Promise<PortalTimesheetDetail> {
  const detail = portalSummary(await findDetail(tx, t));
  return { ...detail, canDecide: !p.preview && t.status === "pending" && detail.hashMatches };
}

export function getPortalTimesheet(db: Db, p: ContactPrincipal, id: string): Promise<PortalTimesheetDetail> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    return portalDetail(tx, p, await findTimesheet(tx, id));
  });
}

/**
 * The contact approves exactly what it was shown (`entriesHash`) or rejects with a reason; the evidence
 * (contact, time, the trusted client address) is stored on the timesheet, staff are notified (C5) and
 * the audit trail records it (G3).
 */
async function decide(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  id: string,
  decision: Decision,
  shownHash: string | undefined,
  origin: AuditOrigin,
): Promise<PortalTimesheetDetail> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    const t = await lockDecidable(tx, id, shownHash);
    const reason = reasonOf(decision);
    const updated = await applyDecision(tx, t, decision, { contactId: p.contactId }, origin.ip);
    const [project] = await tx.select().from(projects).where(eq(projects.id, t.projectId));
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, p.contactId));
    const customer = await loadCustomer(tx, p.customerId);
    const action = decision.approve ? "timesheet_approved" : "timesheet_rejected";
    await notify(tx, mail, p.orgId, action, {
      timesheetId: t.id,
      projectId: t.projectId,
      number: `${project?.name ?? ""} (${t.periodFrom} – ${t.periodTo})`,
      customerName: customer.name,
      contactName: contact?.name ?? "",
      reason,
    });
    await recordContactEvent(
      tx,
      p,
      { action, documentType: "timesheet", documentId: t.id, details: { entriesHash: t.entriesHash } },
      origin,
    );
    return portalDetail(tx, p, updated);
  });
  void mail.mailer.deliverQueued();
  return result;
}

export function approvePortalTimesheet(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  id: string,
  body: ApproveTimesheetBody,
  origin: AuditOrigin,
): Promise<PortalTimesheetDetail> {
  return decide(db, mail, p, id, { approve: true }, body.entriesHash, origin);
}

export function rejectPortalTimesheet(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  id: string,
  reason: string | null | undefined,
  origin: AuditOrigin,
): Promise<PortalTimesheetDetail> {
  return decide(db, mail, p, id, { approve: false, reason }, undefined, origin);
}

/** Logged, billed and unbilled (billable, not yet invoiced) minutes of finished entries. */
const figures = {
  loggedMinutes: sql<number>`coalesce(sum(${timeEntries.minutes}), 0)::int`,
  billedMinutes: sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.invoiceId} is not null), 0)::int`,
  unbilledMinutes: sql<number>`coalesce(sum(${timeEntries.minutes}) filter (where ${timeEntries.invoiceId} is null and ${timeEntries.billable}), 0)::int`,
};

async function projectFigures(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      id: projects.id,
      name: projects.name,
      description: projects.description,
      status: projects.status,
      ...figures,
    })
    .from(projects)
    .leftJoin(timeEntries, and(eq(timeEntries.projectId, projects.id), isNotNull(timeEntries.minutes)))
    .where(where)
    .groupBy(projects.orgId, projects.id)
    .orderBy(asc(projects.name));
}

/** E7: the customer's active projects shown in the portal, with their hours. */
export function listPortalProjects(db: Db, p: ContactPrincipal): Promise<PortalProjectSummary[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    return projectFigures(tx, eq(projects.status, "active"));
  });
}

/**
 * E7: one visible active project: its tasks with their hours and its time entries with their billing
 * status. A completed or archived one answers 404, as it is absent from the list (E7 shows active projects).
 */
export function getPortalProject(db: Db, p: ContactPrincipal, id: string): Promise<PortalProjectDetail> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    await assertShown(tx, p.orgId);
    const [project] = await projectFigures(tx, and(eq(projects.id, id), eq(projects.status, "active")));
    if (!project) throw notFound();
    const tasks = await tx
      .select({ id: projectTasks.id, name: projectTasks.name, ...figures })
      .from(timeEntries)
      .leftJoin(projectTasks, eq(projectTasks.id, timeEntries.taskId))
      .where(and(eq(timeEntries.projectId, id), isNotNull(timeEntries.minutes)))
      .groupBy(projectTasks.id, projectTasks.name)
      .orderBy(asc(projectTasks.name));
    const entries = await tx
      .select({ e: timeEntries, taskName: projectTasks.name })
      .from(timeEntries)
      .leftJoin(projectTasks, eq(projectTasks.id, timeEntries.taskId))
      .where(and(eq(timeEntries.projectId, id), isNotNull(timeEntries.minutes)))
      .orderBy(sql`${timeEntries.workDate} desc`, asc(timeEntries.id))
      .limit(1000);
    return {
      ...project,
      tasks,
      entries: entries.map(({ e, taskName }) => ({
        id: e.id,
        workDate: e.workDate,
        minutes: e.minutes ?? 0,
        taskName,
        notes: e.notes,
        billable: e.billable,
        billing: e.invoiceId ? "billed" : e.billable ? "unbilled" : "non_billable",
        approvalStatus: e.approvalStatus,
      })),
    };
  });
}

/** The portal home's "timesheets awaiting approval" (E1/E8): pending ones the contact can see. */
export async function countAwaitingTimesheets(tx: Tx): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(timesheets)
    .where(eq(timesheets.status, "pending"));
  return row?.n ?? 0;
}
