import { z } from "zod";
import { isDateInRange, MAX_DATE, MIN_DATE } from "../dates.js";
import type { FieldErrorCode } from "../field-error-codes.js";
import { currencyCode, uuid } from "./common.js";
import { customerBalance } from "./money.js";

/**
 * The portal's home (E1) and purchase history (E2). Every figure is a sum over documents the contact can
 * list (invoices, credit notes, retainers, payments), so the home never disagrees with its lists.
 */
export const portalHome = z.object({
  /** Per currency; the customer's own currency first, even when all is zero. */
  balances: z.array(customerBalance),
  /** The most recent payment received (by payment date), or null before the first one. */
  lastPayment: z
    .object({
      id: uuid,
      number: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      paidOn: z.string(),
    })
    .nullable(),
  /** Sent or viewed quotes, neither expired nor superseded: waiting for the contact's answer. */
  quotesAwaiting: z.number().int(),
  /** Timesheets waiting for approval (E8); always 0 until timesheets exist. */
  timesheetsAwaiting: z.number().int(),
  account: z.object({
    name: z.string(),
    legalName: z.string().nullable(),
    taxId: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.object({
      line1: z.string().nullable(),
      line2: z.string().nullable(),
      city: z.string().nullable(),
      postalCode: z.string().nullable(),
      region: z.string().nullable(),
      country: z.string().nullable(),
    }),
  }),
  contacts: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      isPrimary: z.boolean(),
    }),
  ),
  /** What the portal allows here (C4 and the session): the home hides what is false. */
  allows: z.object({
    /** "Pay now" for everything outstanding: not in a staff preview (C6). */
    payAll: z.boolean(),
    /**
     * Per currency, the gateways every invoice "pay everything" pays allows (issue 13): the same chooser
     * as one invoice's; empty when they share none (the contact pays them one by one).
     */
    payAllGateways: z.array(z.object({ currency: z.string(), gateways: z.array(z.string()) })),
    /** Quotes may be answered (C4 allowQuoteAcceptance). */
    answerQuotes: z.boolean(),
    /** Projects and timesheets are shown (C4 showProjects). */
    timesheets: z.boolean(),
  }),
});
export type PortalHome = z.infer<typeof portalHome>;

const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "use YYYY-MM")
  .refine((v) => isDateInRange(`${v}-01`), {
    message: `use a month between ${MIN_DATE.slice(0, 7)} and ${MAX_DATE.slice(0, 7)}`,
    params: {
      code: "date_out_of_range" satisfies FieldErrorCode,
      minimum: MIN_DATE.slice(0, 7),
      maximum: MAX_DATE.slice(0, 7),
    },
  });
export const MAX_HISTORY_MONTHS = 60;

export const purchaseHistoryQuery = z.object({
  /** First month, YYYY-MM; defaults to 11 months before `to`. */
  from: yearMonth.optional(),
  /** Last month, YYYY-MM; defaults to the current month (organisation's calendar). */
  to: yearMonth.optional(),
  /** Defaults to the customer's currency. */
  currency: currencyCode.optional(),
});
export type PurchaseHistoryQuery = z.infer<typeof purchaseHistoryQuery>;

const historyFigures = z.object({
  /** Total of the invoices issued (not void) that month. */
  invoicedMinor: z.number().int(),
  /** Of it, what was settled (paid or credited): total − due. */
  paidMinor: z.number().int(),
  /** Of it, what is still due today. */
  pendingMinor: z.number().int(),
  invoiceCount: z.number().int(),
});
export const purchaseHistory = z.object({
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  /** Every month of the range in order, months without invoices included (all zero). */
  months: z.array(historyFigures.extend({ month: z.string() })),
  totals: historyFigures,
  /** The currencies the customer was invoiced in, for a currency picker. */
  currencies: z.array(z.string()),
});
export type PurchaseHistory = z.infer<typeof purchaseHistory>;
