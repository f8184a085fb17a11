import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";

/*
 * Projects, tasks, time entries and timesheets (issue 15 §4–§5, feature A11, decision 039).
 * Child rows carry the project's customer_id (kept consistent by a composite foreign key to
 * projects(org_id, customer_id, id)), so the contact policies need no join to find the customer.
 */

export const projectBillingMethods = ["fixed", "project_rate", "task_rate", "staff_rate"] as const;
export type ProjectBillingMethod = (typeof projectBillingMethods)[number];

export const projectStatuses = ["active", "completed", "archived"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const timeApprovalStatuses = ["none", "pending", "approved", "rejected"] as const;
export type TimeApprovalStatus = (typeof timeApprovalStatuses)[number];

export const timesheetStatuses = ["pending", "approved", "rejected", "withdrawn"] as const;
export type TimesheetStatus = (typeof timesheetStatuses)[number];

/** Upper bounds shared with the contracts. */
export const TIME_ENTRY_MAX_MINUTES = 24 * 60;
export const TIME_ENTRY_NOTES_MAX = 2000;
export const TIMESHEET_REASON_MAX = 1000;
/** An hourly rate or fixed price above this (in minor units) is refused: 1e12 minor = 10^10 units. */
export const PROJECT_MONEY_MAX = 1_000_000_000_000;

const nullableMinor = (name: string) => bigint(name, { mode: "number" });

export const projects = pgTable(
  "projects",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    currency: text("currency").notNull(),
    billingMethod: text("billing_method", { enum: projectBillingMethods }).notNull().default("project_rate"),
    /** The price of the whole project when billing_method = 'fixed'. */
    fixedAmountMinor: nullableMinor("fixed_amount_minor"),
    /** Per hour, when billing_method = 'project_rate' (and the fallback of a task without a rate). */
    hourlyRateMinor: nullableMinor("hourly_rate_minor"),
    /** The budget: hours (stored in minutes) or an amount; either, both or none. */
    budgetMinutes: integer("budget_minutes"),
    budgetAmountMinor: nullableMinor("budget_amount_minor"),
    status: text("status", { enum: projectStatuses }).notNull().default("active"),
    /** The customer's contacts see the project, its tasks and its time in the portal. */
    visibleInPortal: boolean("visible_in_portal").notNull().default(false),
    /** Only time the customer approved (a timesheet) can be invoiced. */
    needsApproval: boolean("needs_approval").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("projects", t),
    index("projects_customer_idx").on(t.orgId, t.customerId),
    index("projects_status_idx").on(t.orgId, t.status),
    // The back-office list's orders (issue 19): name, created.
    index("projects_list_name_idx").on(t.orgId, t.name, t.id),
    index("projects_list_created_idx").on(t.orgId, t.createdAt, t.id),
    check("projects_name_length", sql`char_length(${t.name}) between 1 and 200`),
    check("projects_description_length", sql`char_length(${t.description}) <= 5000`),
    check(
      "projects_money_range",
      sql`coalesce(${t.fixedAmountMinor}, 0) between 0 and ${sql.raw(String(PROJECT_MONEY_MAX))}
        and coalesce(${t.hourlyRateMinor}, 0) between 0 and ${sql.raw(String(PROJECT_MONEY_MAX))}
        and coalesce(${t.budgetAmountMinor}, 0) between 0 and ${sql.raw(String(PROJECT_MONEY_MAX))}`,
    ),
    check("projects_budget_minutes_range", sql`coalesce(${t.budgetMinutes}, 0) between 0 and 60000000`),
  ],
);

export const projectTasks = pgTable(
  "project_tasks",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    projectId: uuid("project_id").notNull(),
    name: text("name").notNull(),
    /** Per hour when the project bills by task rate; null takes the project's rate. */
    hourlyRateMinor: nullableMinor("hourly_rate_minor"),
    /** An archived task takes no new time; its entries stay. */
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("project_tasks", t),
    index("project_tasks_project_idx").on(t.orgId, t.projectId),
    check("project_tasks_name_length", sql`char_length(${t.name}) between 1 and 200`),
    check(
      "project_tasks_rate_range",
      sql`coalesce(${t.hourlyRateMinor}, 0) between 0 and ${sql.raw(String(PROJECT_MONEY_MAX))}`,
    ),
  ],
);

/**
 * Logged time. A running timer is a row with started_at and no ended_at (and no minutes yet): at most
 * one per staff user and organisation. Once billed (invoice_id set) or sent for approval (approval_status
 * 'pending') an entry is locked; voiding the invoice releases it.
 */
export const timeEntries = pgTable(
  "time_entries",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    projectId: uuid("project_id").notNull(),
    taskId: uuid("task_id"),
    /** The staff person whose time it is (users.id, a member of the organisation). */
    userId: uuid("user_id").notNull(),
    workDate: date("work_date", { mode: "string" }).notNull(),
    /** Null only while the timer runs. */
    minutes: integer("minutes"),
    startedAt: ts("started_at"),
    endedAt: ts("ended_at"),
    notes: text("notes"),
    billable: boolean("billable").notNull().default(true),
    invoiceId: uuid("invoice_id"),
    timesheetId: uuid("timesheet_id"),
    approvalStatus: text("approval_status", { enum: timeApprovalStatuses }).notNull().default("none"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("time_entries", t),
    index("time_entries_project_idx").on(t.orgId, t.projectId, t.workDate),
    index("time_entries_user_idx").on(t.orgId, t.userId, t.workDate),
    index("time_entries_invoice_idx").on(t.orgId, t.invoiceId),
    index("time_entries_timesheet_idx").on(t.orgId, t.timesheetId),
    uniqueIndex("time_entries_one_timer_key")
      .on(t.orgId, t.userId)
      .where(sql`${t.startedAt} is not null and ${t.endedAt} is null`),
    check(
      "time_entries_minutes_or_running",
      sql`(${t.minutes} is null and ${t.startedAt} is not null and ${t.endedAt} is null)
        or (${t.minutes} between 1 and ${sql.raw(String(TIME_ENTRY_MAX_MINUTES))})`,
    ),
    check(
      "time_entries_span",
      sql`${t.endedAt} is null or (${t.startedAt} is not null and ${t.endedAt} > ${t.startedAt})`,
    ),
    check(
      "time_entries_notes_length",
      sql`char_length(${t.notes}) <= ${sql.raw(String(TIME_ENTRY_NOTES_MAX))}`,
    ),
    check("time_entries_running_unbilled", sql`${t.minutes} is not null or ${t.invoiceId} is null`),
  ],
);

/**
 * A request to the customer to approve a project's time over a period (issue 15 §5; the timesheets
 * module owns its logic). entries_hash fingerprints the entries submitted, so a decision applies to
 * exactly what the customer saw. Decided by a contact (portal) or by staff on the customer's behalf.
 */
export const timesheets = pgTable(
  "timesheets",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    projectId: uuid("project_id").notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    status: text("status", { enum: timesheetStatuses }).notNull().default("pending"),
    entriesHash: text("entries_hash").notNull(),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: ts("submitted_at").notNull(),
    decidedByContactId: uuid("decided_by_contact_id"),
    decidedByUserId: uuid("decided_by_user_id"),
    decidedAt: ts("decided_at"),
    /** The client address the decision came from. */
    decidedFrom: text("decided_from"),
    rejectionReason: text("rejection_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("timesheets", t),
    index("timesheets_project_idx").on(t.orgId, t.projectId, t.periodFrom),
    index("timesheets_customer_idx").on(t.orgId, t.customerId, t.status),
    // The back-office list's order by period (issue 19).
    index("timesheets_list_period_idx").on(t.orgId, t.periodFrom, t.id),
    check("timesheets_period", sql`${t.periodTo} >= ${t.periodFrom}`),
    check("timesheets_one_decider", sql`${t.decidedByContactId} is null or ${t.decidedByUserId} is null`),
    check(
      "timesheets_reason_length",
      sql`char_length(${t.rejectionReason}) <= ${sql.raw(String(TIMESHEET_REASON_MAX))}`,
    ),
  ],
);
