import { z } from "zod";
import { isoDate, optionalText, text, uuid } from "./common.js";
import { dateRangeShape, listPage, listQuery, listTotals, totalsQuery } from "./list-page.js";
import { timeApprovalStatus } from "./projects.js";

/**
 * Timesheet approval (issue 15 §5, E7/E8, decision 040): staff submit a project's unbilled time over a
 * period; a contact (or staff on the customer's behalf) approves or rejects it. `entriesHash` is the
 * sha256 of the exact entry set, shown to the contact and re-checked when it decides.
 */
export const timesheetStatus = z.enum(["pending", "approved", "rejected", "withdrawn"]);
export type TimesheetStatus = z.infer<typeof timesheetStatus>;

/** Longest rejection reason (the column's check, TIMESHEET_REASON_MAX). */
export const TIMESHEET_REASON_MAX = 1000;

export const submitTimesheetBody = z.object({
  from: isoDate,
  to: isoDate,
  /** Only these entries (each must be in the project and the period); all eligible ones when absent. */
  entryIds: z.array(uuid).min(1).max(2000).optional(),
});
export type SubmitTimesheetBody = z.input<typeof submitTimesheetBody>;

/**
 * The back-office list (issue 19, decision 058): by period (its first day; newest first by default) or
 * status; filtered by status, customer, project and a range of the period's first day.
 */
export const timesheetListSort = z.enum(["period", "status"]);
export const timesheetListFilters = {
  status: timesheetStatus.optional(),
  customerId: uuid.optional(),
  projectId: uuid.optional(),
  ...dateRangeShape,
};
export const timesheetListQuery = listQuery(timesheetListFilters, timesheetListSort, "desc");
export type TimesheetListQuery = z.output<typeof timesheetListQuery>;
export const timesheetTotalsQuery = totalsQuery(timesheetListFilters);
export type TimesheetTotalsQuery = z.output<typeof timesheetTotalsQuery>;
/** The totals of the whole filtered set: how many, and their minutes (`totals` stays empty: no money). */
export const timesheetListTotals = listTotals.extend({
  minutes: z.number().int(),
  billableMinutes: z.number().int(),
});
export type TimesheetListTotals = z.infer<typeof timesheetListTotals>;

/** A rejection needs a reason (REASON_REQUIRED when blank); checked by the service, so the code is clear. */
export const rejectTimesheetBody = z.object({ reason: optionalText(TIMESHEET_REASON_MAX) });
export type RejectTimesheetBody = z.input<typeof rejectTimesheetBody>;

/** The contact approves exactly what it was shown. */
export const approveTimesheetBody = z.object({ entriesHash: text(64).regex(/^[0-9a-f]{64}$/) });
export type ApproveTimesheetBody = z.infer<typeof approveTimesheetBody>;

export const timesheetSummary = z.object({
  id: uuid,
  projectId: uuid,
  projectName: z.string(),
  customerId: uuid,
  customerName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: timesheetStatus,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  entryCount: z.number().int(),
  minutes: z.number().int(),
  billableMinutes: z.number().int(),
});
export type TimesheetSummary = z.infer<typeof timesheetSummary>;
export const timesheetPage = listPage(timesheetSummary);
export type TimesheetPage = z.infer<typeof timesheetPage>;

export const timesheetEntry = z.object({
  id: uuid,
  workDate: z.string(),
  minutes: z.number().int(),
  taskId: uuid.nullable(),
  taskName: z.string().nullable(),
  staffName: z.string(),
  notes: z.string().nullable(),
  billable: z.boolean(),
  approvalStatus: timeApprovalStatus,
  /** Billed on an invoice (its number once issued). */
  invoiced: z.boolean(),
});
export type TimesheetEntry = z.infer<typeof timesheetEntry>;

/** Minutes per day and per task, for the detail's two groupings. */
export const timesheetTotals = z.object({
  byDay: z.array(z.object({ workDate: z.string(), minutes: z.number().int() })),
  byTask: z.array(
    z.object({ taskId: uuid.nullable(), taskName: z.string().nullable(), minutes: z.number().int() }),
  ),
});

export const timesheetDecision = z.object({
  /** "contact" (from the portal) or "staff" (marked on the customer's behalf). */
  by: z.enum(["contact", "staff"]),
  name: z.string(),
  at: z.string(),
  /** The client address the decision came from. */
  from: z.string().nullable(),
  reason: z.string().nullable(),
});

export const timesheetDetail = timesheetSummary.extend({
  entriesHash: z.string(),
  submittedByName: z.string(),
  entries: z.array(timesheetEntry),
  totals: timesheetTotals,
  decision: timesheetDecision.nullable(),
  /** The stored hash still matches the entries (false once an entry changed under it). */
  hashMatches: z.boolean(),
});
export type TimesheetDetail = z.infer<typeof timesheetDetail>;

// Portal (E7, E8)

export const portalTimesheetListQuery = z.object({ status: timesheetStatus.optional() });
export type PortalTimesheetListQuery = z.infer<typeof portalTimesheetListQuery>;

export const portalTimesheetSummary = timesheetSummary.omit({ customerId: true, customerName: true });
export type PortalTimesheetSummary = z.infer<typeof portalTimesheetSummary>;

export const portalTimesheetDetail = timesheetDetail
  .omit({ customerId: true, customerName: true })
  .extend({ canDecide: z.boolean() });
export type PortalTimesheetDetail = z.infer<typeof portalTimesheetDetail>;

export const portalProjectSummary = z.object({
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(["active", "completed", "archived"]),
  loggedMinutes: z.number().int(),
  billedMinutes: z.number().int(),
  unbilledMinutes: z.number().int(),
});
export type PortalProjectSummary = z.infer<typeof portalProjectSummary>;

export const portalProjectTask = z.object({
  id: uuid.nullable(),
  name: z.string().nullable(),
  loggedMinutes: z.number().int(),
  billedMinutes: z.number().int(),
  unbilledMinutes: z.number().int(),
});

export const portalProjectEntry = z.object({
  id: uuid,
  workDate: z.string(),
  minutes: z.number().int(),
  taskName: z.string().nullable(),
  notes: z.string().nullable(),
  billable: z.boolean(),
  billing: z.enum(["billed", "unbilled", "non_billable"]),
  approvalStatus: timeApprovalStatus,
});

export const portalProjectDetail = portalProjectSummary.extend({
  tasks: z.array(portalProjectTask),
  entries: z.array(portalProjectEntry),
});
export type PortalProjectDetail = z.infer<typeof portalProjectDetail>;
