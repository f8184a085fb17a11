import { and, eq, ne, sql } from "drizzle-orm";
import type { CustomerBalance } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { allocations, invoices, payments, refunds } from "../../db/schema/index.js";
import { dueOf, isOpenStatus, isPastDue, issuedSql } from "../documents/document-facts.js";
import { availableCreditOf } from "./document-amounts.js";
import { openInvoiceDues } from "./open-invoices.js";

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
 * always equals what its lists show. The customer's own currency comes first, even when all is zero.
 * Runs in the caller's scope (staff, or the contact's own customer).
 */
export async function customerBalances(
  tx: Tx,
  customerId: string,
  customerCurrency: string,
  today: string,
): Promise<CustomerBalance[]> {
  const byCurrency = new Map<string, CustomerBalance>([[customerCurrency, empty(customerCurrency)]]);
  const of = (c: string) => {
    const b = byCurrency.get(c) ?? empty(c);
    byCurrency.set(c, b);
    return b;
  };
  const docs = await tx
    .select({
      kind: invoices.kind,
      status: invoices.status,
      currency: invoices.currency,
      dueDate: invoices.dueDate,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
      usedMinor: invoices.usedMinor,
    })
    .from(invoices)
    .where(and(eq(invoices.customerId, customerId), ne(invoices.kind, "invoice"), issuedSql()));
  for (const d of docs) {
    const b = of(d.currency);
    const open = isOpenStatus(d.status);
    const due = dueOf(d);
    if (d.kind === "retainer") {
      if (open && due > 0) {
        b.retainerOutstandingMinor += due;
        b.openRetainerCount += 1;
      }
      b.retainerBalanceMinor += availableCreditOf(d);
    } else if (d.kind === "credit_note") {
      b.creditsMinor += availableCreditOf(d);
    }
  }
  // Outstanding comes from the one query every other reading of it uses (statement aging, pay everything).
  for (const d of await openInvoiceDues(tx, customerId)) {
    const b = of(d.currency);
    b.outstandingMinor += d.dueMinor;
    b.openInvoiceCount += 1;
    // Every row is open and owing, so overdue is its date part alone.
    if (isPastDue(d.dueDate, today)) b.overdueMinor += d.dueMinor;
  }
  // Unapplied payments are credit too: received, neither allocated nor refunded.
  const received = await tx
    .select({ currency: payments.currency, sum: sql<string>`sum(${payments.amountMinor})` })
    .from(payments)
    .where(eq(payments.customerId, customerId))
    .groupBy(payments.currency);
  const allocated = await tx
    .select({ currency: payments.currency, sum: sql<string>`sum(${allocations.amountMinor})` })
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .where(eq(allocations.customerId, customerId))
    .groupBy(payments.currency);
  const refunded = await tx
    .select({ currency: payments.currency, sum: sql<string>`sum(${refunds.amountMinor})` })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.customerId, customerId))
    .groupBy(payments.currency);
  for (const r of received) of(r.currency).creditsMinor += Number(r.sum);
  for (const r of [...allocated, ...refunded]) of(r.currency).creditsMinor -= Number(r.sum);
  // Decision 017: balance = outstanding − available credit (credits + retainer balance), the statement's
  // closing balance over all history.
  for (const b of byCurrency.values()) b.balanceMinor = b.outstandingMinor - availableCreditOfBalance(b);
  return [...byCurrency.values()];
}
