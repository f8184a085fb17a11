import { and, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
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
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
import { type PaymentFigures, paymentFigures, toSummary } from "./payment-queries.js";

/** The orders of the back-office payment list (issue 19, decision 058), each served by (org_id, key, id). */
export const paymentOrders: Record<PaymentListQuery["sort"], KeysetOrder> = {
  date: { name: "date", key: payments.paidOn, cast: "date", id: payments.id },
  amount: { name: "amount", key: payments.amountMinor, cast: "bigint", id: payments.id },
};

/**
 * The filters of the back-office payment list as one condition (page, totals and export read the same
 * set). The search matches the number, the reference and the customer's name: join `customers`.
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
      ? or(ilike(payments.number, term), ilike(payments.reference, term), ilike(customers.name, term))
      : undefined,
    f.filter === "invoice"
      ? sql`exists (select 1 from ${allocations} a join ${invoices} i on i.id = a.invoice_id
          where a.payment_id = "payments"."id" and i.kind = 'invoice')`
      : undefined,
  );
}

/** One keyset page of the organisation's payments, in the query's order, filtered. */
export function findPaymentListPage(tx: Tx, orgId: string, query: PaymentListQuery): Promise<PaymentPage> {
  const order = paymentOrders[query.sort];
  return readPage(order, orgId, query, async (plan) => {
    const ks = keysetSql(order, plan);
    const rows = await tx
      .select({ p: payments, customerName: customers.name, sortKey: ks.sortKey })
      .from(payments)
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(and(paymentListWhere(orgId, query), ks.where))
      .orderBy(...ks.orderBy)
      .limit(plan.limit);
    const figures = await paymentFigures(
      tx,
      rows.map((r) => r.p.id),
    );
    return rows.map((r) => ({
      item: toSummary(r.p, r.customerName, figures.get(r.p.id) as PaymentFigures),
      key: r.sortKey,
      id: r.p.id,
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
    from: likeTerm(filter.q)
      ? sql`${payments} inner join ${customers} on ${customers.id} = ${payments.customerId}`
      : sql`${payments}`,
    where: paymentListWhere(orgId, filter),
    currency: payments.currency,
    amount: payments.amountMinor,
  });
}
