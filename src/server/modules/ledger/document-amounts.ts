import type { invoices } from "../../db/schema/index.js";

type Amounts = Pick<
  typeof invoices.$inferSelect,
  "kind" | "status" | "totalMinor" | "paidMinor" | "usedMinor"
>;

// Due is one of the document facts (issue 11); re-exported for the ledger's callers.
export { dueOf } from "../documents/document-facts.js";

/**
 * What a credit note's credit (its total) or a retainer's balance (what was paid into it) still has to
 * give, once issued and not void; invoices have none.
 */
export function availableCreditOf(d: Amounts): number {
  if (d.status === "void" || d.status === "draft") return 0;
  if (d.kind === "credit_note") return d.totalMinor - d.usedMinor;
  if (d.kind === "retainer") return d.paidMinor - d.usedMinor;
  return 0;
}
