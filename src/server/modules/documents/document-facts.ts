/**
 * THE rules about a billed document's money and portal state, each defined once (issue 11): due, open,
 * payable, overdue, can-answer (quotes) and the viewed transition of each kind. The pure TypeScript half lives in
 * `src/shared/document-facts.ts` (the web reads it too); beside each rule that a query also needs is its
 * SQL twin, a drizzle fragment over the same columns. `document-facts.property.test.ts` inserts random
 * rows and checks that every twin answers what its TypeScript rule answers, so a list filtered in SQL
 * and a detail decided in TypeScript cannot disagree.
 */
import { type AnyColumn, and, ne, type SQL, sql } from "drizzle-orm";
import type { InvoiceStatus, QuoteStatus } from "../../../shared/contracts/index.js";
import {
  type DueFacts,
  dueOf,
  isAnswerableQuote,
  isOpenStatus,
  isOverdue,
  isPastDue,
  OPEN_STATUSES,
} from "../../../shared/document-facts.js";
import { invoices } from "../../db/schema/index.js";

export type { DueFacts };
export { dueOf, isAnswerableQuote, isOpenStatus, isOverdue, isPastDue, OPEN_STATUSES };

/**
 * Whether a contact may pay it now: open, still due, not a credit note, and offering a gateway in
 * `offered` — what the server runs and the organisation has enabled (`payments/gateways.ts
 * offeredGateways(config, org)`). The portal's "Pay" and the checkout both ask this, so the portal
 * never offers what the checkout refuses.
 */
export const isPayable = (
  d: DueFacts & { gateways: readonly string[] },
  offered: readonly string[],
): boolean =>
  d.kind !== "credit_note" &&
  isOpenStatus(d.status) &&
  dueOf(d) > 0 &&
  d.gateways.some((g) => offered.includes(g));

/**
 * A contact's first open of an invoice (never a staff preview: the caller decides that): null when it
 * changes nothing (already viewed, or void); otherwise `viewed_at` is stamped and an issued or sent
 * invoice moves to "viewed" (a paid or partly paid one keeps its ledger status).
 */
export function invoiceViewedTransition(d: {
  status: InvoiceStatus;
  viewedAt: Date | null;
}): { status?: "viewed" } | null {
  if (d.viewedAt || d.status === "void") return null;
  return d.status === "issued" || d.status === "sent" ? { status: "viewed" } : {};
}

/**
 * A contact's first open of a quote: only a sent quote becomes "viewed" (an accepted or declined one
 * was answered already, and stamps `viewed_at` when answered); null when it changes nothing.
 */
export function quoteViewedTransition(d: {
  status: QuoteStatus;
  viewedAt: Date | null;
}): { status: "viewed" } | null {
  return !d.viewedAt && d.status === "sent" ? { status: "viewed" } : null;
}

/**
 * A contact's first open of a sales order: `viewed_at` is stamped, the status (a fulfilment state) is
 * not touched; null once viewed.
 */
export function salesOrderViewedTransition(d: { viewedAt: Date | null }): Record<string, never> | null {
  return d.viewedAt ? null : {};
}

/** The columns a rule reads, as drizzle columns or SQL (an alias, or an as-of amount instead of the cached one). */
export interface FactColumns {
  kind: AnyColumn | SQL;
  status: AnyColumn | SQL;
  totalMinor: AnyColumn | SQL;
  paidMinor: AnyColumn | SQL;
  dueDate: AnyColumn | SQL;
  gateways: AnyColumn | SQL;
}

export const invoiceFactColumns: FactColumns = {
  kind: invoices.kind,
  status: invoices.status,
  totalMinor: invoices.totalMinor,
  paidMinor: invoices.paidMinor,
  dueDate: invoices.dueDate,
  gateways: invoices.gateways,
};

/** The same columns read through a table alias of `invoices` in hand-written SQL (`from invoices i`). */
export const aliasedFactColumns = (alias: string): FactColumns => {
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  return {
    kind: col("kind"),
    status: col("status"),
    totalMinor: col("total_minor"),
    paidMinor: col("paid_minor"),
    dueDate: col("due_date"),
    gateways: col("gateways"),
  };
};

// Constants of the code, never input: safe to inline.
const OPEN_LIST = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/** SQL twin of `dueOf` (a bigint). */
export const dueSql = (c: FactColumns = invoiceFactColumns): SQL =>
  sql`(case when ${c.status} = 'void' or ${c.kind} = 'credit_note' then 0
            else greatest(0, ${c.totalMinor} - ${c.paidMinor}) end)`;

/** SQL twin of `isOpenStatus`. */
export const openSql = (c: FactColumns = invoiceFactColumns): SQL => sql`(${c.status} in (${OPEN_LIST}))`;

/** SQL twin of `isPastDue`: the date part of overdue (never null: a missing due date is not late). */
export const pastDueSql = (today: string | SQL, c: Pick<FactColumns, "dueDate"> = invoiceFactColumns): SQL =>
  sql`coalesce(${c.dueDate} < ${today}::date, false)`;

/** SQL twin of `isOverdue` on `today` (never null: a missing due date is not late). */
export const overdueSql = (today: string, c: FactColumns = invoiceFactColumns): SQL =>
  sql`(${c.kind} <> 'credit_note' and ${openSql(c)} and ${pastDueSql(today, c)})`;

/** SQL twin of `isPayable` with the gateways offered. */
export const payableSql = (offered: readonly string[], c: FactColumns = invoiceFactColumns): SQL => {
  const list = offered.length
    ? sql`array[${sql.join(
        offered.map((g) => sql`${g}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
  return sql`(${c.kind} <> 'credit_note' and ${openSql(c)} and ${dueSql(c)} > 0 and ${c.gateways} && ${list})`;
};

/** Billed and standing: neither a draft (not yet the customer's) nor void (no longer). */
export const issuedSql = (): SQL => and(ne(invoices.status, "draft"), ne(invoices.status, "void")) as SQL;
