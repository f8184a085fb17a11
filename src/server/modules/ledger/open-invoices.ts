import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { allocations, invoices } from "../../db/schema/index.js";
import { aliasedFactColumns, dueSql } from "../documents/document-facts.js";

/** One issued invoice that still owes something. */
export interface OpenInvoiceDue {
  id: string;
  number: string | null;
  currency: string;
  issueDate: string;
  dueDate: string | null;
  dueMinor: number;
}

/** Both drivers (PGlite, node-postgres) answer `{ rows }`. */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * THE definition of "outstanding" (decision 017), as a subquery: what is still due (`due`) on each of a
 * customer's issued, non-void invoices (not drafts, credit notes nor retainer invoices) that still owes
 * something. The home's outstanding and overdue, the statement's aging, "pay everything" and "apply my
 * credit" all read it (a list through `openInvoiceDues`, sums through `sql` over it), so they cannot
 * disagree. Without `asOf` every allocation counts (the cached `paid_minor`, the due the invoice lists
 * show); with it, only what was applied by that day, on invoices issued by then, so an old statement's
 * aging is not rewritten by a later payment.
 */
export function openInvoicesSql(customerId: string, opts: { currency?: string; asOf?: string } = {}): SQL {
  const asOf = opts.asOf;
  // Without a day, `paid_minor` is exactly the sum of the invoice's allocations (refresh-document keeps
  // it so after every write), which saves a look-up per invoice on the home of a customer with thousands;
  // and "still owes" is then `paid_minor < total_minor`, which lets the planner read the partial index of
  // open invoices (`invoices_open_idx`), whose size does not grow with the invoices already paid.
  const paid = asOf
    ? sql`coalesce((select sum(a.amount_minor) from ${allocations} a
                     where a.invoice_id = i.id and a.applied_on <= ${asOf}::date), 0)`
    : sql`i.paid_minor`;
  const owing = asOf ? sql`and i.issue_date <= ${asOf}::date` : sql`and i.paid_minor < i.total_minor`;
  const currency = opts.currency ? sql`and i.currency = ${opts.currency}` : sql``;
  return sql`(
    select * from (
      select i.id, i.number, i.currency, i.issue_date, i.due_date, i.gateways,
             ${dueSql({ ...aliasedFactColumns("i"), paidMinor: paid })} as due
        from ${invoices} i
       where i.customer_id = ${customerId} and i.kind = 'invoice'
         and i.status not in ('draft', 'void') ${currency} ${owing}
    ) o
     where o.due > 0)`;
}

/** Each open invoice of `openInvoicesSql`, oldest due first. */
export async function openInvoiceDues(
  tx: Tx,
  customerId: string,
  opts: { currency?: string; asOf?: string } = {},
): Promise<OpenInvoiceDue[]> {
  const result = await tx.execute(sql`
    select x.id, x.number, x.currency, x.issue_date::text as issue_date, x.due_date::text as due_date,
           x.due::text as due
      from ${openInvoicesSql(customerId, opts)} x
     order by coalesce(x.due_date, x.issue_date), x.id`);
  return rowsOf<{
    id: string;
    number: string | null;
    currency: string;
    issue_date: string;
    due_date: string | null;
    due: string;
  }>(result).map((r) => ({
    id: r.id,
    number: r.number,
    currency: r.currency,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    dueMinor: Number(r.due),
  }));
}
