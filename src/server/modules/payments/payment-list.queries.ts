import { and, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type {
  ListTotals,
  PaymentListQuery,
  PaymentPage,
  PaymentTotalsQuery,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { allocations, customers, invoices, payments } from "../../db/schema/index.js";
import { sumByCurrency } from "../../lists/document-list.js";
import {
  inPageOrder,
  type KeysetOrder,
  keysetSql,
  type PagePlan,
  readPage,
  sortingOff,
} from "../../lists/keyset.js";
import { type PaymentFigures, paymentFigures, toSummary } from "./payment-queries.js";

/** The orders of the back-office payment list (issue 19, decision 058), each served by (org_id, key, id). */
export const paymentOrders: Record<PaymentListQuery["sort"], KeysetOrder> = {
  date: { name: "date", key: payments.paidOn, cast: "date", id: payments.id },
  amount: { name: "amount", key: payments.amountMinor, cast: "bigint", id: payments.id },
};

/**
 * The filters of the back-office payment list as one condition (page, totals and export read the same
 * set). The search matches the number, the reference and the customer's name (an `exists`).
 */
export function paymentListWhere(orgId: string, f: PaymentTotalsQuery): SQL | undefined {
  const term = likeTerm(f.q);
  return and(
    eq(payments.orgId, orgId),
    f.customerId ? eq(payments.customerId, f.customerId) : undefined,
    f.currency ? eq(payments.currency, f.currency) : undefined,
    f.from ? gte(payments.paidOn, f.from) : undefined,
    f.to ? lte(payments.paidOn, f.to) : undefined,
    term
      ? sql`(${or(ilike(payments.number, term), ilike(payments.reference, term))} or exists (select 1 from ${customers} c
          where c.id = ${payments.customerId} and c.name ilike ${term}))`
      : undefined,
    f.filter === "invoice"
      ? sql`exists (select 1 from ${allocations} a join ${invoices} i on i.id = a.invoice_id
          where a.payment_id = "payments"."id" and i.kind = 'invoice')`
      : undefined,
  );
}

/**
 * The statement choosing a page's ids (what `findPaymentListPage` runs first, and what the EXPLAIN test
 * reads): on `payments` alone, the walk of the order's index left after the page (decision 062).
 */
export function paymentListPageQuery(tx: Tx, orgId: string, query: PaymentListQuery, plan: PagePlan) {
  const ks = keysetSql(paymentOrders[query.sort], plan);
  return tx
    .select({ id: payments.id, sortKey: ks.sortKey })
    .from(payments)
    .where(and(paymentListWhere(orgId, query), ks.where))
    .orderBy(...ks.orderBy)
    .limit(plan.limit);
}

/** One keyset page of the organisation's payments, in the query's order, filtered. */
export function findPaymentListPage(tx: Tx, orgId: string, query: PaymentListQuery): Promise<PaymentPage> {
  const order = paymentOrders[query.sort];
  return readPage(order, orgId, query, async (plan) => {
    // The list's last statements: sorting off until the transaction ends (keyset.ts, sortingOff).
    await sortingOff(tx);
    const page = await paymentListPageQuery(tx, orgId, query, plan);
    const ids = page.map((p) => p.id);
    if (ids.length === 0) return [];
    // By id, the customer's name a subquery per row (joined, the planner read the organisation's customers).
    const rows = await tx
      .select({
        p: payments,
        // Qualified by hand: in a one-table select drizzle renders a column bare (see customer-list.queries).
        customerName: sql<string>`(select c.name from ${customers} c where c.id = "payments"."customer_id")`,
      })
      .from(payments)
      .where(and(eq(payments.orgId, orgId), inArray(payments.id, ids)));
    const figures = await paymentFigures(tx, ids);
    return inPageOrder(page, rows, (r) => r.p.id).map((x) => ({
      item: toSummary(x.row.p, x.row.customerName, figures.get(x.id) as PaymentFigures),
      key: x.sortKey,
      id: x.id,
    }));
  });
}

/** The count and per-currency sums of the payments' amounts over the whole filtered set. */
export function findPaymentListTotals(
  tx: Tx,
  orgId: string,
  filter: PaymentTotalsQuery,
): Promise<ListTotals> {
  return sumByCurrency(tx, {
    from: sql`${payments}`,
    where: paymentListWhere(orgId, filter),
    currency: payments.currency,
    amount: payments.amountMinor,
  });
}
