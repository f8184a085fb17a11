import { z } from "zod";
import { currencyCode, isoDate, uuid } from "./common.js";
import { paymentMethod } from "./money.js";

/**
 * Statement of account (E9). Signs follow what the customer owes: an invoice adds (+), a credit note or a
 * payment takes away (−), a refund adds back (+). Retainer invoices are not lines (they ask for an advance;
 * the payment that settles one is), allocations are not lines (they move money between documents).
 */
export const statementQuery = z.object({
  /** Defaults to the first day of the month three months before `to`. */
  from: isoDate.optional(),
  /** Defaults to today in the organisation's time zone. */
  to: isoDate.optional(),
  /** Defaults to the customer's currency. */
  currency: currencyCode.optional(),
});
export type StatementQuery = z.infer<typeof statementQuery>;

export const statementLineType = z.enum(["invoice", "credit_note", "payment", "refund"]);
export type StatementLineType = z.infer<typeof statementLineType>;

export const statementLine = z.object({
  /** The invoice, credit note, payment or refund. */
  id: uuid,
  type: statementLineType,
  date: z.string(),
  /** Document or receipt number; for a refund, the number of the payment or credit it gave back. */
  number: z.string().nullable(),
  /** An invoice's due date. */
  dueDate: z.string().nullable(),
  /** A credit note's corrected invoice number. */
  correctsNumber: z.string().nullable(),
  method: paymentMethod.nullable(),
  reference: z.string().nullable(),
  /** Signed: + what the customer owes more, − less. */
  amountMinor: z.number().int(),
  /** The balance after this line. */
  balanceMinor: z.number().int(),
});
export type StatementLine = z.infer<typeof statementLine>;

/** What is outstanding at `to` on invoices, by days past due at `to`. */
export const statementAging = z.object({
  currentMinor: z.number().int(),
  days1to30Minor: z.number().int(),
  days31to60Minor: z.number().int(),
  days61to90Minor: z.number().int(),
  over90Minor: z.number().int(),
  totalMinor: z.number().int(),
});
export type StatementAging = z.infer<typeof statementAging>;

/**
 * Decision 017: how the aging total and the closing balance meet. Invoices due (the aging total) less the
 * credit the customer holds (credit notes, unapplied payments, retainer balance) is the balance.
 */
export const statementReconciliation = z.object({
  invoicesDueMinor: z.number().int(),
  creditAvailableMinor: z.number().int(),
  balanceMinor: z.number().int(),
});
export type StatementReconciliation = z.infer<typeof statementReconciliation>;

export const statement = z.object({
  customer: z.object({ id: uuid, name: z.string() }),
  currency: z.string(),
  /** Every currency the customer has movements in, the customer's own first. */
  currencies: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  openingBalanceMinor: z.number().int(),
  lines: z.array(statementLine),
  /** Sums of the lines in the range: charges (+) and credits (−, as a positive figure). */
  chargesMinor: z.number().int(),
  creditsMinor: z.number().int(),
  closingBalanceMinor: z.number().int(),
  aging: statementAging,
  reconciliation: statementReconciliation,
});
export type Statement = z.infer<typeof statement>;
