import type { InvoiceKind, InvoiceStatus, QuoteStatus } from "./contracts/index.js";

/**
 * The pure half of the server's `modules/documents/document-facts.ts`: rules about a billed document's
 * money that the web may also need, so server and web cannot disagree. Pure: no database, no clock (the
 * caller says which day it is).
 */

/** Statuses in which an invoice or retainer still takes payments or credit. */
export const OPEN_STATUSES: readonly InvoiceStatus[] = ["issued", "sent", "viewed", "partially_paid"];

export const isOpenStatus = (status: InvoiceStatus): boolean => OPEN_STATUSES.includes(status);

export interface DueFacts {
  kind: InvoiceKind;
  status: InvoiceStatus;
  totalMinor: number;
  paidMinor: number;
}

/** What an invoice or retainer still owes; a credit note or a void document owes nothing. */
export const dueOf = (d: DueFacts): number =>
  d.status === "void" || d.kind === "credit_note" ? 0 : Math.max(0, d.totalMinor - d.paidMinor);

/**
 * Overdue is not a status: it depends on the day it is read. An open invoice or retainer whose due date
 * is before `today`; a credit note is never due, and a document without a due date never late.
 */
export const isOverdue = (
  d: Pick<DueFacts, "kind" | "status"> & { dueDate: string | null },
  today: string,
): boolean => d.kind !== "credit_note" && isOpenStatus(d.status) && isPastDue(d.dueDate, today);

/** The date part of overdue, for rows already known open and owing (`openInvoiceDues`). */
export const isPastDue = (dueDate: string | null, today: string): boolean =>
  dueDate !== null && dueDate < today;

/** Quotes a contact may still accept or decline, read from the status as of today (expiry derived). */
export const isAnswerableQuote = (derivedStatus: QuoteStatus): boolean =>
  derivedStatus === "sent" || derivedStatus === "viewed";
