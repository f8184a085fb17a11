import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import {
  RECURRING_ENDS,
  RECURRING_FREQUENCIES,
  RECURRING_MODES,
  RECURRING_STATUSES,
} from "../../../shared/contracts/recurring-values.js";
import { createdAt, minor, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";

/** A line as a draft invoice takes it (`invoiceLineInput`): priced, with the current taxes, when made. */
export type RecurringLine = {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  /** Omitted: the default tax when the invoice is made; [] means no tax. */
  taxIds?: string[];
};

/**
 * A recurring profile (A5, issue 15 §2, decision 037): what invoice to make, for whom, and when.
 * Occurrence n is dated start + n × interval (`shared/recurring-occurrences.ts`); `next_index` /
 * `next_date` is the next one to make (null date: nothing left). The invoices it made name it
 * (`invoices.recurring_profile_id`, set null when the profile is deleted).
 */
export const recurringProfiles = pgTable(
  "recurring_profiles",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    lines: jsonb("lines").$type<RecurringLine[]>().notNull(),
    notes: text("notes"),
    terms: text("terms"),
    frequency: text("frequency", { enum: RECURRING_FREQUENCIES }).notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endKind: text("end_kind", { enum: RECURRING_ENDS }).notNull().default("never"),
    endAfterCount: integer("end_after_count"),
    endOnDate: date("end_on_date", { mode: "string" }),
    paymentTermsDays: integer("payment_terms_days").notNull(),
    mode: text("mode", { enum: RECURRING_MODES }).notNull(),
    status: text("status", { enum: RECURRING_STATUSES }).notNull().default("active"),
    nextIndex: integer("next_index").notNull(),
    nextDate: date("next_date", { mode: "string" }),
    invoicesMade: integer("invoices_made").notNull().default(0),
    /** The last failure to make an invoice (an archived customer, no contact to email…), kept until one is made. */
    lastError: text("last_error"),
    lastRunAt: ts("last_run_at"),
    /** One invoice's amount before taxes (Σ line nets), kept with the lines: the list sorts and sums it. */
    netMinor: minor("net_minor"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("recurring_profiles", t),
    index("recurring_profiles_id_idx").on(t.id),
    index("recurring_profiles_customer_idx").on(t.orgId, t.customerId),
    // The tick's question: which active profiles have an occurrence due.
    index("recurring_profiles_due_idx").on(t.nextDate).where(sql`${t.status} = 'active'`),
    // The back-office list's orders (issue 19): next run (none left sorts last), name, amount.
    index("recurring_profiles_list_next_idx").on(
      t.orgId,
      sql`coalesce(${t.nextDate}, '9999-12-31'::date)`,
      t.id,
    ),
    index("recurring_profiles_list_name_idx").on(t.orgId, t.name, t.id),
    index("recurring_profiles_list_amount_idx").on(t.orgId, t.netMinor, t.id),
  ],
);
