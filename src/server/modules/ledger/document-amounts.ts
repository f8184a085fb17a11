import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import type { invoices } from "../../db/schema/index.js";
import type { FactColumns } from "../documents/document-facts.js";

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

/** SQL twin of `availableCreditOf` over a row of `invoices` (an alias's columns in hand-written SQL). */
export const availableCreditSql = (
  c: Pick<FactColumns, "kind" | "status" | "totalMinor" | "paidMinor"> & {
    usedMinor: AnyColumn | SQL;
  },
): SQL =>
  sql`(case when ${c.status} in ('void', 'draft') then 0
            when ${c.kind} = 'credit_note' then ${c.totalMinor} - ${c.usedMinor}
            when ${c.kind} = 'retainer' then ${c.paidMinor} - ${c.usedMinor}
            else 0 end)`;
