import type { InvoiceKind, InvoiceStatus } from "../../../shared/contracts/index.js";

export interface LedgerFacts {
  kind: InvoiceKind;
  issued: boolean;
  voided: boolean;
  sent: boolean;
  viewed: boolean;
  totalMinor: number;
  /** Net allocations onto it (invoices, retainers). */
  paidMinor: number;
  /** Applied or refunded of its credit (credit notes) or balance (retainers). */
  usedMinor: number;
}

/**
 * The one place an invoice's status comes from (A5): the lifecycle (issued, sent, viewed, void) and the
 * ledger. Nothing else writes "paid", "partially_paid" or "closed". Overdue is not a status: it depends on
 * the day it is read (`isOverdue`).
 */
export function deriveStatus(f: LedgerFacts): InvoiceStatus {
  if (f.voided) return "void";
  if (!f.issued) return "draft";
  if (f.kind === "credit_note") {
    if (f.totalMinor > 0 && f.usedMinor >= f.totalMinor) return "closed";
  } else if (f.paidMinor > 0) {
    return f.paidMinor >= f.totalMinor ? "paid" : "partially_paid";
  }
  return f.viewed ? "viewed" : f.sent ? "sent" : "issued";
}

// Open is one of the document facts (issue 11); re-exported for the ledger's callers.
export { OPEN_STATUSES } from "../documents/document-facts.js";
