import { sql } from "drizzle-orm";
import type { CustomerBalance } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { allocations, invoices, payments, refunds } from "../../db/schema/index.js";
import { aliasedFactColumns, dueSql, openSql, pastDueSql } from "../documents/document-facts.js";
import { availableCreditSql } from "./document-amounts.js";
import { openInvoicesSql, rowsOf } from "./open-invoices.js";

const empty = (currency: string): CustomerBalance => ({
  currency,
  outstandingMinor: 0,
  overdueMinor: 0,
  openInvoiceCount: 0,
  creditsMinor: 0,
  retainerOutstandingMinor: 0,
  openRetainerCount: 0,
  retainerBalanceMinor: 0,
  balanceMinor: 0,
});

/** What the customer may have applied to its invoices in one currency: credit notes, unapplied payments, retainers. */
export const availableCreditOfBalance = (b: Pick<CustomerBalance, "creditsMinor" | "retainerBalanceMinor">) =>
  b.creditsMinor + b.retainerBalanceMinor;

/**
 * A customer's figures per currency (E1), each a sum over its documents and payments, so the portal home
 * always equals what its lists show. The customer's own currency comes first, even when all is zero, then
 * the others alphabetically. Runs in the caller's scope (staff, or the contact's own customer).
 *
 * One statement, summed in SQL (issue 14): its cost follows the open documents and the payments, never a
 * read of every invoice the customer ever had. Each branch is one of the ledger's rules: outstanding and
 * overdue over the one definition of outstanding (`openInvoicesSql`), retainers and credit notes by their
 * due and available credit (`dueSql`, `availableCreditSql`), unapplied payments (received, neither
 * allocated nor refunded) by payment currency.
 */
export async function customerBalances(
  tx: Tx,
  customerId: string,
  customerCurrency: string,
  today: string,
): Promise<CustomerBalance[]> {
  return (await balancesOf(tx, customerId, customerCurrency, today, false)).balances;
}

/** The gateways offered by a customer's open invoices in one currency: each distinct list once. */
export interface OpenInvoiceGateways {
  currency: string;
  gateways: string[][];
}

/**
 * `customerBalances` and, in the same statement (the portal home's, issue 14), the distinct gateway lists
 * of the open invoices of each currency, read from the same rows of `openInvoicesSql` (decision 047).
 */
export async function customerBalancesAndGateways(
  tx: Tx,
  customerId: string,
  customerCurrency: string,
  today: string,
): Promise<{ balances: CustomerBalance[]; openGateways: OpenInvoiceGateways[] }> {
  return balancesOf(tx, customerId, customerCurrency, today, true);
}

async function balancesOf(
  tx: Tx,
  customerId: string,
  customerCurrency: string,
  today: string,
  withGateways: boolean,
): Promise<{ balances: CustomerBalance[]; openGateways: OpenInvoiceGateways[] }> {
  const d = { ...aliasedFactColumns("d"), usedMinor: sql.raw("d.used_minor") };
  // Only in the open invoices' branch; one row per currency there, so the outer group takes it as is.
  const gateways = withGateways
    ? {
        outer: sql`, (array_agg(gateways) filter (where gateways is not null))[1] as gateways`,
        open: sql`, jsonb_agg(distinct to_jsonb(o.gateways)) as gateways`,
        other: sql`, null::jsonb`,
      }
    : { outer: sql``, open: sql``, other: sql`` };
  const retainerOwing = sql`d.kind = 'retainer' and ${openSql(d)} and ${dueSql(d)} > 0`;
  const result = await tx.execute(sql`
    select currency, sum(outstanding)::text as outstanding, sum(open_invoices)::text as open_invoices,
           sum(overdue)::text as overdue, sum(retainer_outstanding)::text as retainer_outstanding,
           sum(open_retainers)::text as open_retainers, sum(retainer_balance)::text as retainer_balance,
           sum(credits)::text as credits ${gateways.outer}
      from (
        select o.currency, sum(o.due) as outstanding, count(*) as open_invoices,
               coalesce(sum(o.due) filter (where ${pastDueSql(today, { dueDate: sql.raw("o.due_date") })}), 0) as overdue,
               0 as retainer_outstanding, 0 as open_retainers, 0 as retainer_balance, 0 as credits
               ${gateways.open}
          from ${openInvoicesSql(customerId)} o
         group by o.currency
        union all
        select d.currency, 0, 0, 0,
               coalesce(sum(${dueSql(d)}) filter (where ${retainerOwing}), 0),
               count(*) filter (where ${retainerOwing}),
               coalesce(sum(${availableCreditSql(d)}) filter (where d.kind = 'retainer'), 0),
               coalesce(sum(${availableCreditSql(d)}) filter (where d.kind = 'credit_note'), 0)
               ${gateways.other}
          from ${invoices} d
         where d.customer_id = ${customerId} and d.kind in ('retainer', 'credit_note')
           and d.status not in ('draft', 'void')
         group by d.currency
        union all
        select m.currency, 0, 0, 0, 0, 0, 0, sum(m.amount_minor) ${gateways.other}
          from (
            select p.currency, p.amount_minor from ${payments} p where p.customer_id = ${customerId}
            union all
            select p.currency, -a.amount_minor from ${allocations} a join ${payments} p on p.id = a.payment_id
             where a.customer_id = ${customerId}
            union all
            select p.currency, -r.amount_minor from ${refunds} r join ${payments} p on p.id = r.payment_id
             where r.customer_id = ${customerId}
          ) m
         group by m.currency
      ) f
     group by currency
     order by currency <> ${customerCurrency}, currency`);
  const rows = rowsOf<Record<string, string> & { gateways?: string[][] | string | null }>(result);
  const openGateways = rows.flatMap((r): OpenInvoiceGateways[] => {
    if (r.gateways === undefined || r.gateways === null) return [];
    // node-postgres parses jsonb; PGlite too, but a text cell is parsed here to be sure of both.
    const lists = typeof r.gateways === "string" ? (JSON.parse(r.gateways) as string[][]) : r.gateways;
    return [{ currency: r.currency as string, gateways: lists }];
  });
  const found = rows.map((r): CustomerBalance => {
    const b = {
      currency: r.currency as string,
      outstandingMinor: Number(r.outstanding),
      overdueMinor: Number(r.overdue),
      openInvoiceCount: Number(r.open_invoices),
      creditsMinor: Number(r.credits),
      retainerOutstandingMinor: Number(r.retainer_outstanding),
      openRetainerCount: Number(r.open_retainers),
      retainerBalanceMinor: Number(r.retainer_balance),
      balanceMinor: 0,
    };
    // Decision 017: balance = outstanding − available credit (credits + retainer balance), the
    // statement's closing balance over all history.
    return { ...b, balanceMinor: b.outstandingMinor - availableCreditOfBalance(b) };
  });
  const balances = found[0]?.currency === customerCurrency ? found : [empty(customerCurrency), ...found];
  return { balances, openGateways };
}
