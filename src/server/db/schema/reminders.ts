import { date, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ReminderSettings } from "../../../shared/contracts/reminders.js";
import { createdAt, orgId, rowId, tenantPrimaryKey, updatedAt } from "./_columns.js";

/**
 * An organisation's payment reminder settings (issue 15 §3): one row, written on the first save; without
 * it the defaults of the contract apply (every reminder off). Read through modules/reminders only.
 */
export const reminderSettings = pgTable("reminder_settings", {
  orgId: uuid("org_id").primaryKey(),
  settings: jsonb("settings").$type<Partial<ReminderSettings>>().notNull().default({}),
  updatedAt: updatedAt(),
});

export const reminderKinds = ["before_due", "on_due", "after_due"] as const;

/**
 * One row per reminder sent: unique per (invoice, kind) and written in the transaction that writes its
 * emails, so a tick that runs twice (or two processes) sends each reminder once (decision 038).
 */
export const invoiceReminders = pgTable(
  "invoice_reminders",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    /** The calendar day (organisation's time zone) the reminder was due: due date ± its days. */
    reminderDate: date("reminder_date", { mode: "string" }).notNull(),
    recipients: integer("recipients").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("invoice_reminders", t),
    uniqueIndex("invoice_reminders_invoice_kind_key").on(t.orgId, t.invoiceId, t.kind),
  ],
);
