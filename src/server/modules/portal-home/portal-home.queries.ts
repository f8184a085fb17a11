import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { PortalHome } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoices, payments, quotes } from "../../db/schema/index.js";
import { issuedSql } from "../documents/document-facts.js";

/** All queries run in the contact's scope (withContact): RLS limits them to its customer. */

/**
 * The home's activity in one statement (issue 14): its last payment and the quotes waiting for an
 * answer, read like quotes.queries `statusOf`: sent or viewed (a superseded revision has its own stored
 * status, drafts are never shown) and not past the expiry date.
 */
export async function findHomeActivity(
  tx: Tx,
  customerId: string,
  today: string,
): Promise<{ lastPayment: PortalHome["lastPayment"]; quotesAwaiting: number }> {
  const [row] = await tx
    .select({
      n: sql<string>`count(*)`,
      // The fields as the contract names them; a bigint amount is a json number.
      lastPayment: sql<PortalHome["lastPayment"]>`(select json_build_object('id', p.id, 'number', p.number,
          'amountMinor', p.amount_minor, 'currency', p.currency, 'paidOn', p.paid_on)
        from ${payments} p where p.customer_id = ${customerId}
        order by p.paid_on desc, p.paid_at desc, p.id desc limit 1)`,
    })
    .from(quotes)
    .where(
      and(
        eq(quotes.customerId, customerId),
        inArray(quotes.status, ["sent", "viewed"]),
        or(isNull(quotes.expiryDate), gte(quotes.expiryDate, today)),
      ),
    );
  return { lastPayment: row?.lastPayment ?? null, quotesAwaiting: Number(row?.n ?? 0) };
}

export interface MonthFigures {
  month: string;
  invoicedMinor: number;
  paidMinor: number;
  pendingMinor: number;
  invoiceCount: number;
}

/**
 * E2: invoices (not retainers, not credit notes) issued in [from, to] and not void, summed per month of
 * their issue date. Pending is what is due today; paid is the rest of the total (paid or credited).
 */
export async function sumInvoicesPerMonth(
  tx: Tx,
  customerId: string,
  currency: string,
  fromDate: string,
  toDate: string,
): Promise<MonthFigures[]> {
  const due = sql`greatest(0, ${invoices.totalMinor} - ${invoices.paidMinor})`;
  const month = sql<string>`to_char(${invoices.issueDate}, 'YYYY-MM')`;
  const rows = await tx
    .select({
      month,
      invoiced: sql<string>`sum(${invoices.totalMinor})`,
      pending: sql<string>`sum(${due})`,
      count: sql<string>`count(*)`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.customerId, customerId),
        eq(invoices.kind, "invoice"),
        eq(invoices.currency, currency),
        issuedSql(),
        gte(invoices.issueDate, fromDate),
        lte(invoices.issueDate, toDate),
      ),
    )
    .groupBy(month);
  return rows.map((r) => {
    const invoicedMinor = Number(r.invoiced);
    const pendingMinor = Number(r.pending);
    return {
      month: r.month,
      invoicedMinor,
      pendingMinor,
      paidMinor: invoicedMinor - pendingMinor,
      invoiceCount: Number(r.count),
    };
  });
}

/** The currencies the customer was invoiced in (issued, not void). */
export async function findInvoicedCurrencies(tx: Tx, customerId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), eq(invoices.kind, "invoice"), issuedSql()))
    .orderBy(asc(invoices.currency));
  return rows.map((r) => r.currency);
}
