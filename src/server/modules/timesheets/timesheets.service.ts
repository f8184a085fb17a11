import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type {
  SubmitTimesheetBody,
  TimesheetDetail,
  TimesheetListQuery,
  TimesheetListTotals,
  TimesheetPage,
  TimesheetTotalsQuery,
} from "../../../shared/contracts/index.js";
import { preferredLanguage } from "../../../shared/language.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, timeEntries, timesheets } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import type { Mailer } from "../../email/mailer.js";
import { renderEmail } from "../../email/templates.js";
import { AppError, invalid } from "../../errors/errors.js";
import { readPage } from "../../lists/keyset.js";
import type { StaffPrincipal } from "../auth/auth.service.js";
import { loadCustomer } from "../customers/customers.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { can, portalOptionsOf } from "../organisation/portal-policy.js";
import {
  type EntryRow,
  entriesOf,
  findDetail,
  findTimesheet,
  findTimesheetRows,
  hashOf,
  lockEntriesInPeriod,
  lockProject,
  lockTimesheet,
  type TimesheetRow,
  timesheetOrders,
  timesheetTotals,
} from "./timesheets.queries.js";

interface MailDeps {
  mailer: Mailer;
  config: Config;
}

/** Entries that may go into a new timesheet: not invoiced, not waiting, not already approved. */
const submittable = (e: EntryRow) =>
  e.invoiceId === null && (e.approvalStatus === "none" || e.approvalStatus === "rejected");

/** Each refusal of an entry asked for by id, the clearest first. */
function refuseEntry(e: EntryRow): never {
  if (e.invoiceId !== null) throw new AppError("TIMESHEET_ENTRY_INVOICED");
  if (e.approvalStatus === "pending") throw new AppError("TIMESHEET_ENTRY_PENDING");
  throw new AppError("TIMESHEET_ENTRY_APPROVED");
}

/**
 * Staff send a project's unbilled time over a period for the customer's approval (E8): every eligible
 * entry of the period, or the ones named (each must be finished time of the project in the period, not
 * invoiced and not in another pending or approved timesheet). The timesheet stores the hash of the exact
 * entry set; the entries become pending (locked for the projects service) and the customer's portal
 * contacts get an email.
 */
export async function submitTimesheet(
  db: Db,
  deps: MailDeps,
  actor: StaffPrincipal,
  projectId: string,
  body: SubmitTimesheetBody,
): Promise<TimesheetDetail> {
  if (body.from > body.to) throw invalid("to", "the period ends before it starts", "range_reversed");
  const result = await withOrg(db, actor.orgId, async (tx) => {
    const project = await lockProject(tx, projectId);
    const inPeriod = await lockEntriesInPeriod(tx, project.id, body.from, body.to);
    let chosen: EntryRow[];
    if (body.entryIds) {
      const wanted = new Set(body.entryIds);
      chosen = inPeriod.filter((e) => wanted.has(e.id));
      if (chosen.length !== wanted.size) throw new AppError("TIMESHEET_ENTRY_NOT_IN_PERIOD");
      for (const e of chosen) if (!submittable(e)) refuseEntry(e);
    } else {
      chosen = inPeriod.filter(submittable);
    }
    if (chosen.length === 0) throw new AppError("TIMESHEET_EMPTY");
    const now = clock.now();
    const [sheet] = await tx
      .insert(timesheets)
      .values({
        orgId: actor.orgId,
        customerId: project.customerId,
        projectId: project.id,
        periodFrom: body.from,
        periodTo: body.to,
        status: "pending",
        entriesHash: hashOf(chosen),
        submittedBy: actor.userId,
        submittedAt: now,
      })
      .returning();
    const row = sheet as TimesheetRow;
    await tx
      .update(timeEntries)
      .set({ timesheetId: row.id, approvalStatus: "pending", updatedAt: now })
      .where(
        inArray(
          timeEntries.id,
          chosen.map((e) => e.id),
        ),
      );
    const minutes = chosen.reduce((sum, e) => sum + (e.minutes ?? 0), 0);
    await emailContacts(tx, deps, row, {
      projectName: project.name,
      visible: project.visibleInPortal,
      minutes,
    });
    return findDetail(tx, row);
  });
  void deps.mailer.deliverQueued();
  return result;
}

/** "7,5" / "7.5": hours of the email in the reader's language (exact: minutes / 60, at most 2 decimals). */
const hoursText = (minutes: number, lang: "es" | "en") =>
  new Intl.NumberFormat(lang === "es" ? "es-ES" : "en-GB", { maximumFractionDigits: 2 }).format(minutes / 60);

/**
 * The request email to each portal contact of the customer with an address; the button opens the
 * timesheet in the portal when the portal would show it (portal on, project visible, C4 showProjects).
 */
async function emailContacts(
  tx: Tx,
  { mailer, config }: MailDeps,
  t: TimesheetRow,
  p: { projectName: string; visible: boolean; minutes: number },
): Promise<void> {
  const org = await loadOrganisation(tx, t.orgId);
  const customer = await loadCustomer(tx, t.customerId);
  const shown = org.portalEnabled && p.visible && can(portalOptionsOf(org), "showProjects");
  const recipients = await tx
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.customerId, t.customerId),
        isNull(contacts.deletedAt),
        isNotNull(contacts.email),
        eq(contacts.portalEnabled, true),
      ),
    );
  for (const contact of recipients) {
    const lang = preferredLanguage(contact.language, customer.language, org.language);
    const link = shown ? `${config.publicUrl}/p/${org.portalSlug}/timesheets/${t.id}` : null;
    const email = await renderEmail(
      "timesheet_submitted",
      lang,
      {
        org_name: org.name,
        contact_name: contact.name,
        project_name: p.projectName,
        period_from: t.periodFrom,
        period_to: t.periodTo,
        hours: hoursText(p.minutes, lang),
        has_link: link !== null,
      },
      { buttonUrl: link, brandColor: org.brandColor },
    );
    await mailer.enqueue(tx, {
      orgId: t.orgId,
      kind: "timesheet_submitted",
      to: contact.email as string,
      toName: contact.name,
      fromName: org.name,
      replyTo: org.email,
      ...email,
    });
  }
}

/** One keyset page of the back-office list (issue 19, decision 058). */
export function listTimesheets(db: Db, orgId: string, query: TimesheetListQuery): Promise<TimesheetPage> {
  return withOrg(db, orgId, (tx) =>
    readPage(timesheetOrders[query.sort], orgId, query, (plan) => findTimesheetRows(tx, orgId, query, plan)),
  );
}

/** The count and minutes of the whole filtered list. */
export function timesheetListTotals(
  db: Db,
  orgId: string,
  query: TimesheetTotalsQuery,
): Promise<TimesheetListTotals> {
  return withOrg(db, orgId, (tx) => timesheetTotals(tx, orgId, query));
}

export function getTimesheet(db: Db, orgId: string, id: string): Promise<TimesheetDetail> {
  return withOrg(db, orgId, async (tx) => findDetail(tx, await findTimesheet(tx, id)));
}

export type Decision = { approve: true } | { approve: false; reason: string | null | undefined };

/** A rejection's reason, trimmed; blank is refused with REASON_REQUIRED. */
export function reasonOf(decision: Decision): string | null {
  if (decision.approve) return null;
  const reason = decision.reason?.trim() ?? "";
  if (!reason)
    throw new AppError("REASON_REQUIRED", [{ field: "reason", message: "required", code: "required" }]);
  return reason;
}

/**
 * Locks a pending timesheet and its entries and checks the entries are still exactly the ones submitted
 * (an edit withdraws the timesheet, so this only fails if something bypassed that); `shownHash`, when
 * given, is the hash the decider was shown.
 */
export async function lockDecidable(tx: Tx, id: string, shownHash?: string): Promise<TimesheetRow> {
  // Read first: a contact's lock reaches only pending rows (its UPDATE policy), and a decided one must
  // answer TIMESHEET_NOT_PENDING, not 404.
  if ((await findTimesheet(tx, id)).status !== "pending") throw new AppError("TIMESHEET_NOT_PENDING");
  // Read but no longer lockable: decided meanwhile. Only that answer is translated; a database error is not.
  const t = await lockTimesheet(tx, id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === "NOT_FOUND" ? new AppError("TIMESHEET_NOT_PENDING") : err;
  });
  if (t.status !== "pending") throw new AppError("TIMESHEET_NOT_PENDING");
  const entries = await entriesOf(tx, t.id, true);
  if (hashOf(entries) !== t.entriesHash || (shownHash !== undefined && shownHash !== t.entriesHash))
    throw new AppError("TIMESHEET_CHANGED");
  return t;
}

/** Writes a decision on a locked pending timesheet and its entries, with its evidence. */
export async function applyDecision(
  tx: Tx,
  t: TimesheetRow,
  decision: Decision,
  by: { contactId: string } | { userId: string },
  from: string,
): Promise<TimesheetRow> {
  const reason = reasonOf(decision);
  const now = clock.now();
  const status = decision.approve ? "approved" : "rejected";
  const [updated] = await tx
    .update(timesheets)
    .set({
      status,
      decidedAt: now,
      decidedByContactId: "contactId" in by ? by.contactId : null,
      decidedByUserId: "userId" in by ? by.userId : null,
      decidedFrom: from,
      rejectionReason: reason,
      updatedAt: now,
    })
    .where(eq(timesheets.id, t.id))
    .returning();
  await tx
    .update(timeEntries)
    .set({ approvalStatus: status, updatedAt: now })
    .where(and(eq(timeEntries.timesheetId, t.id), eq(timeEntries.approvalStatus, "pending")));
  return updated as TimesheetRow;
}

/**
 * Staff mark a pending timesheet approved or rejected on the customer's behalf (a phone call, an email):
 * recorded as staff, with the staff member and the address it came from.
 */
export function decideAsStaff(
  db: Db,
  actor: StaffPrincipal,
  id: string,
  decision: Decision,
  ip: string,
): Promise<TimesheetDetail> {
  return withOrg(db, actor.orgId, async (tx) => {
    // Found (or 404) first, then the reason: another organisation's id answers 404 whatever the body.
    const t = await lockDecidable(tx, id);
    return findDetail(tx, await applyDecision(tx, t, decision, { userId: actor.userId }, ip));
  });
}

/**
 * For the projects service, in its (staff) transaction, BEFORE it changes or deletes a time entry: the
 * entry's pending (or approved, not yet invoiced) timesheet is withdrawn and all its entries go back to
 * "none", so the customer never approves, and time is never invoiced as approved, other than what was
 * shown. Returns the withdrawn timesheet's id, or null when there was nothing to withdraw.
 */
export async function withdrawTimesheetOfEntry(tx: Tx, entryId: string): Promise<string | null> {
  const [entry] = await tx
    .select({ timesheetId: timeEntries.timesheetId, invoiceId: timeEntries.invoiceId })
    .from(timeEntries)
    .where(eq(timeEntries.id, entryId));
  if (!entry?.timesheetId || entry.invoiceId) return null;
  const [t] = await tx.select().from(timesheets).where(eq(timesheets.id, entry.timesheetId)).for("update");
  if (!t || (t.status !== "pending" && t.status !== "approved")) return null;
  const now = clock.now();
  await tx.update(timesheets).set({ status: "withdrawn", updatedAt: now }).where(eq(timesheets.id, t.id));
  await tx
    .update(timeEntries)
    .set({ approvalStatus: "none", updatedAt: now })
    .where(and(eq(timeEntries.timesheetId, t.id), isNull(timeEntries.invoiceId)));
  return t.id;
}
