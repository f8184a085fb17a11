import { z } from "zod";
import type { FieldErrorCode } from "../field-error-codes.js";
import { currencyCode, isoDate, optionalText, requiredText, uuid } from "./common.js";
import { listPage, listQuery, totalsQuery } from "./list-page.js";

/** Projects, tasks and time (issue 15 §4, feature A11, decision 039). */

export const projectBillingMethod = z.enum(["fixed", "project_rate", "task_rate", "staff_rate"]);
export type ProjectBillingMethod = z.infer<typeof projectBillingMethod>;
export const projectStatus = z.enum(["active", "completed", "archived"]);
export type ProjectStatus = z.infer<typeof projectStatus>;
export const timeApprovalStatus = z.enum(["none", "pending", "approved", "rejected"]);
export type TimeApprovalStatus = z.infer<typeof timeApprovalStatus>;
export const invoiceTimeGrouping = z.enum(["task", "entry", "single"]);
export type InvoiceTimeGrouping = z.infer<typeof invoiceTimeGrouping>;

/** The most minutes one entry may have: a day. */
export const MAX_ENTRY_MINUTES = 24 * 60;
/** A rate or price, in minor units (the project's currency): 0 to 10^12. */
export const rateMinor = z.number().int().min(0).max(1_000_000_000_000);

export const projectBody = z.object({
  customerId: uuid,
  name: requiredText(200),
  description: optionalText(5000),
  /** The customer's currency when omitted. */
  currency: currencyCode.optional(),
  billingMethod: projectBillingMethod.default("project_rate"),
  fixedAmountMinor: rateMinor.nullish(),
  hourlyRateMinor: rateMinor.nullish(),
  budgetMinutes: z.number().int().min(0).max(60_000_000).nullish(),
  budgetAmountMinor: rateMinor.nullish(),
  status: projectStatus.default("active"),
  visibleInPortal: z.boolean().default(false),
  needsApproval: z.boolean().default(false),
});
export type ProjectBody = z.input<typeof projectBody>;
/** An update keeps the customer: a project's time and invoices belong to it. */
export const projectUpdateBody = projectBody.omit({ customerId: true });
export type ProjectUpdateBody = z.input<typeof projectUpdateBody>;

/** Minutes of finished entries: all, billable not yet invoiced, invoiced. */
export const timeTotals = z.object({
  loggedMinutes: z.number().int(),
  billableMinutes: z.number().int(),
  unbilledMinutes: z.number().int(),
  billedMinutes: z.number().int(),
});
export type TimeTotals = z.infer<typeof timeTotals>;

export const projectSummary = z.object({
  id: uuid,
  customerId: uuid,
  customerName: z.string(),
  name: z.string(),
  currency: z.string(),
  billingMethod: projectBillingMethod,
  status: projectStatus,
  budgetMinutes: z.number().int().nullable(),
  budgetAmountMinor: z.number().int().nullable(),
  visibleInPortal: z.boolean(),
  needsApproval: z.boolean(),
  totals: timeTotals,
  createdAt: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;
export const projectPage = listPage(projectSummary);
export type ProjectPage = z.infer<typeof projectPage>;

export const projectTask = z.object({
  id: uuid,
  name: z.string(),
  hourlyRateMinor: z.number().int().nullable(),
  archived: z.boolean(),
  totals: timeTotals,
});
export type ProjectTask = z.infer<typeof projectTask>;

export const projectDetail = projectSummary.extend({
  description: z.string().nullable(),
  fixedAmountMinor: z.number().int().nullable(),
  hourlyRateMinor: z.number().int().nullable(),
  tasks: z.array(projectTask),
  /**
   * Budget vs actual: the value of the billable time at the project's rates (the fixed price for a
   * fixed-price project with time), and of the time already invoiced.
   */
  billableValueMinor: z.number().int(),
  billedValueMinor: z.number().int(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

/** The back-office list (issue 19, decision 058): by name, customer or created; by status and customer. */
export const projectListSort = z.enum(["name", "customer", "created"]);
export const projectListFilters = {
  customerId: uuid.optional(),
  status: projectStatus.optional(),
};
export const projectListQuery = listQuery(projectListFilters, projectListSort, "asc");
export type ProjectListQuery = z.output<typeof projectListQuery>;
export const projectTotalsQuery = totalsQuery(projectListFilters);
export type ProjectTotalsQuery = z.output<typeof projectTotalsQuery>;

export const projectTaskBody = z.object({
  name: requiredText(200),
  hourlyRateMinor: rateMinor.nullish(),
  archived: z.boolean().default(false),
});
export type ProjectTaskBody = z.input<typeof projectTaskBody>;
export const projectTaskParams = z.object({ id: uuid, taskId: uuid });

const endBeforeStart = { code: "end_before_start" satisfies FieldErrorCode };

/**
 * A time entry is a duration (`minutes`) or a span (`startedAt`–`endedAt`, whose length gives the
 * minutes); `userId` is the person whose time it is (the caller when omitted).
 */
export const timeEntryBody = z
  .object({
    projectId: uuid,
    taskId: uuid.nullish(),
    userId: uuid.optional(),
    workDate: isoDate,
    minutes: z.number().int().min(1).max(MAX_ENTRY_MINUTES).optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
    endedAt: z.iso.datetime({ offset: true }).optional(),
    notes: optionalText(2000),
    billable: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    const span = v.startedAt !== undefined || v.endedAt !== undefined;
    if (v.minutes === undefined && !span)
      ctx.addIssue({
        code: "custom",
        path: ["minutes"],
        message: "give the minutes or a start and end",
        params: { code: "required" },
      });
    if (span && (v.startedAt === undefined || v.endedAt === undefined))
      ctx.addIssue({
        code: "custom",
        path: [v.startedAt === undefined ? "startedAt" : "endedAt"],
        message: "give both the start and the end",
        params: { code: "required" },
      });
    if (v.startedAt && v.endedAt && Date.parse(v.endedAt) <= Date.parse(v.startedAt))
      ctx.addIssue({
        code: "custom",
        path: ["endedAt"],
        message: "the end is not after the start",
        params: endBeforeStart,
      });
  })
  .meta({ example: { minutes: 30 } });
export type TimeEntryBody = z.input<typeof timeEntryBody>;

export const timeEntry = z.object({
  id: uuid,
  projectId: uuid,
  projectName: z.string(),
  customerId: uuid,
  taskId: uuid.nullable(),
  taskName: z.string().nullable(),
  userId: uuid,
  userName: z.string(),
  workDate: z.string(),
  /** Null while the timer runs. */
  minutes: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  notes: z.string().nullable(),
  billable: z.boolean(),
  invoiceId: uuid.nullable(),
  invoiceNumber: z.string().nullable(),
  timesheetId: uuid.nullable(),
  approvalStatus: timeApprovalStatus,
  /** False when billed, awaiting the customer's approval, or running (decision 039). */
  editable: z.boolean(),
});
export type TimeEntry = z.infer<typeof timeEntry>;

export const timeEntryListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  billing: z.enum(["all", "unbilled", "billed"]).default("all"),
});

export const timerStartBody = z.object({
  projectId: uuid,
  taskId: uuid.nullish(),
  notes: optionalText(2000),
  billable: z.boolean().default(true),
});
export type TimerStartBody = z.input<typeof timerStartBody>;
/** The caller's running timer, if any. */
export const runningTimer = z.object({ entry: timeEntry.nullable() });
export type RunningTimer = z.infer<typeof runningTimer>;

export const invoiceTimeBody = z
  .object({
    from: isoDate,
    to: isoDate,
    grouping: invoiceTimeGrouping.default("task"),
    /** The organisation's default tax when omitted. */
    taxIds: z.array(uuid).max(4).optional(),
  })
  .refine((v) => v.to >= v.from, {
    path: ["to"],
    message: "the period ends before it starts",
    params: endBeforeStart,
  });
export type InvoiceTimeBody = z.input<typeof invoiceTimeBody>;
export const invoiceTimeResult = z.object({
  invoiceId: uuid,
  entryCount: z.number().int(),
  totalMinutes: z.number().int(),
});
export type InvoiceTimeResult = z.infer<typeof invoiceTimeResult>;

export const staffRate = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  hourlyRateMinor: z.number().int().nullable(),
});
export type StaffRate = z.infer<typeof staffRate>;
export const staffRateBody = z.object({ hourlyRateMinor: rateMinor.nullable() });
export const staffRateParams = z.object({ userId: uuid });
