import { z } from "zod";
import { currencyCode, isoDate, optionalText, requiredText, uuid } from "./common.js";
import { invoiceLineInput, invoiceStatus } from "./invoices.js";
import { currencyFilter, listPage, listQuery, totalsQuery } from "./list-page.js";
import {
  RECURRING_ENDS,
  RECURRING_FREQUENCIES,
  RECURRING_MODES,
  RECURRING_STATUSES,
} from "./recurring-values.js";

/** Recurring invoice profiles (A5, issue 15 §2, decision 037). */
export const recurringFrequency = z.enum(RECURRING_FREQUENCIES);
export const recurringMode = z.enum(RECURRING_MODES);
export const recurringStatus = z.enum(RECURRING_STATUSES);
export const recurringEnd = z.enum(RECURRING_ENDS);

export const recurringProfileBody = z
  .object({
    customerId: uuid,
    name: requiredText(200),
    /** Defaults to the customer's currency. */
    currency: currencyCode.optional(),
    lines: z.array(invoiceLineInput).min(1).max(500),
    notes: optionalText(5000),
    terms: optionalText(5000),
    frequency: recurringFrequency,
    /** Occurrence n is start + n × the frequency's interval; a past start begins at the first one from today. */
    startDate: isoDate,
    endKind: recurringEnd.default("never"),
    /** With endKind after_count: how many invoices it makes in all. */
    endAfterCount: z.number().int().min(1).max(1000).nullish(),
    /** With endKind on_date: the last day an occurrence may fall on. */
    endOnDate: isoDate.nullish(),
    /** Days from the issue date to the due date; defaults to the customer's payment terms. */
    paymentTermsDays: z.number().int().min(0).max(3650).optional(),
    mode: recurringMode.default("draft"),
  })
  .superRefine((b, ctx) => {
    if (b.endKind === "after_count" && b.endAfterCount == null)
      ctx.addIssue({
        code: "custom",
        path: ["endAfterCount"],
        message: "required",
        params: { code: "required" },
      });
    if (b.endKind === "on_date" && b.endOnDate == null)
      ctx.addIssue({
        code: "custom",
        path: ["endOnDate"],
        message: "required",
        params: { code: "required" },
      });
    if (b.endKind === "on_date" && b.endOnDate != null && b.endOnDate < b.startDate)
      ctx.addIssue({
        code: "custom",
        path: ["endOnDate"],
        message: "the end date is before the start date",
        params: { code: "range_reversed" },
      });
  });
export type RecurringProfileBody = z.input<typeof recurringProfileBody>;

/**
 * The back-office list (issue 19, decision 058): by next run (soonest first; none left sorts last), name,
 * customer or amount (one invoice's amount before taxes); filtered by status, customer, currency.
 */
export const recurringListSort = z.enum(["next", "name", "customer", "amount"]);
export const recurringListFilters = {
  status: recurringStatus.optional(),
  customerId: uuid.optional(),
  currency: currencyFilter,
};
export const recurringListQuery = listQuery(recurringListFilters, recurringListSort, "asc");
export type RecurringListQuery = z.output<typeof recurringListQuery>;
export const recurringTotalsQuery = totalsQuery(recurringListFilters);
export type RecurringTotalsQuery = z.output<typeof recurringTotalsQuery>;

export const recurringProfileSummary = z.object({
  id: uuid,
  name: z.string(),
  customerId: uuid,
  customerName: z.string(),
  currency: z.string(),
  frequency: recurringFrequency,
  mode: recurringMode,
  status: recurringStatus,
  /** The next occurrence to make; null when none is left (stopped, ended). */
  nextDate: z.string().nullable(),
  invoicesMade: z.number().int(),
  /** One invoice's amount before taxes (Σ line nets), in the profile's currency. */
  netMinor: z.number().int(),
  /** Why the last attempt to make an invoice failed, until one is made. */
  lastError: z.string().nullable(),
});
export type RecurringProfileSummary = z.infer<typeof recurringProfileSummary>;
export const recurringPage = listPage(recurringProfileSummary);
export type RecurringPage = z.infer<typeof recurringPage>;

export const recurringProfileDetail = recurringProfileSummary.extend({
  lines: z.array(
    z.object({
      description: z.string(),
      quantityMilli: z.number().int(),
      unitPriceMinor: z.number().int(),
      discountBp: z.number().int(),
      taxIds: z.array(uuid).optional(),
    }),
  ),
  notes: z.string().nullable(),
  terms: z.string().nullable(),
  startDate: z.string(),
  endKind: recurringEnd,
  endAfterCount: z.number().int().nullable(),
  endOnDate: z.string().nullable(),
  paymentTermsDays: z.number().int(),
  /** The next few dates it will make an invoice on (at most 6), if it stays active. */
  upcomingDates: z.array(z.string()),
  lastRunAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RecurringProfileDetail = z.infer<typeof recurringProfileDetail>;

/** An invoice a profile made, with the occurrence it was made for. */
export const recurringInvoice = z.object({
  id: uuid,
  number: z.string().nullable(),
  status: invoiceStatus,
  occurrenceDate: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
});
export type RecurringInvoice = z.infer<typeof recurringInvoice>;
