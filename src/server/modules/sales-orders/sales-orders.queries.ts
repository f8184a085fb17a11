import { and, asc, desc, eq, ilike, ne, or, sql } from "drizzle-orm";
import type {
  SalesOrderDetail,
  SalesOrderInvoice,
  SalesOrderStatus,
  SalesOrderSummary,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { customers, invoices, salesOrderLines, salesOrders } from "../../db/schema/index.js";
import { documentCustomerName, pricedLineOf } from "../documents/document-detail.js";
import { findDocumentLines, findDocumentRow, lockDocumentRow } from "../documents/document-rows.js";

export type SalesOrderRow = typeof salesOrders.$inferSelect;
export type SalesOrderLineRow = typeof salesOrderLines.$inferSelect;

export function toSummary(o: SalesOrderRow, customerName: string): SalesOrderSummary {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    customerId: o.customerId,
    customerName,
    issueDate: o.issueDate,
    deliveryDate: o.deliveryDate,
    reference: o.reference,
    currency: o.currency,
    totalMinor: o.totalMinor,
  };
}

export const findOrder = (tx: Tx, id: string): Promise<SalesOrderRow> => findDocumentRow(tx, salesOrders, id);

/** Confirming, invoicing, sending and voiding one order happen one at a time. */
export const lockOrder = (tx: Tx, id: string): Promise<SalesOrderRow> => lockDocumentRow(tx, salesOrders, id);

export const findLines = (tx: Tx, id: string): Promise<SalesOrderLineRow[]> =>
  findDocumentLines(tx, salesOrderLines, salesOrderLines.salesOrderId, id);

/** The invoices billing the order, oldest first; contacts never see draft invoices. */
export async function findOrderInvoices(
  tx: Tx,
  id: string,
  opts: { withDrafts: boolean },
): Promise<SalesOrderInvoice[]> {
  const rows = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.salesOrderId, id), opts.withDrafts ? undefined : ne(invoices.status, "draft")))
    .orderBy(asc(invoices.createdAt));
  return rows.map((i) => ({
    id: i.id,
    number: i.number,
    status: i.status,
    issueDate: i.issueDate,
    totalMinor: i.totalMinor,
  }));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function findDetail(
  tx: Tx,
  o: SalesOrderRow,
  opts: { withDrafts: boolean } = { withDrafts: true },
): Promise<SalesOrderDetail> {
  const lines = await findLines(tx, o.id);
  const customerName = await documentCustomerName(tx, o);
  return {
    ...toSummary(o, customerName),
    notes: o.notes,
    terms: o.terms,
    subtotalMinor: o.subtotalMinor,
    discountMinor: o.discountMinor,
    netMinor: o.netMinor,
    taxMinor: o.taxMinor,
    taxBreakdown: o.taxBreakdown,
    lines: lines.map((l) => ({
      ...pricedLineOf(l),
      invoicedQuantityMilli: l.invoicedQuantityMilli,
      remainingQuantityMilli: Math.max(0, l.quantityMilli - l.invoicedQuantityMilli),
    })),
    confirmedAt: iso(o.confirmedAt),
    sentAt: iso(o.sentAt),
    viewedAt: iso(o.viewedAt),
    voidedAt: iso(o.voidedAt),
    quoteId: o.quoteId,
    invoices: await findOrderInvoices(tx, o.id, opts),
  };
}

export async function findSummaries(
  tx: Tx,
  filter: {
    status?: SalesOrderStatus;
    customerId?: string;
    q?: string;
    /** Staff search number, reference and customer; contacts number, reference and lines. */
    searchText?: "customer" | "content";
    /** Contacts never see drafts. */
    hideDrafts?: boolean;
  },
): Promise<SalesOrderSummary[]> {
  const term = likeTerm(filter.q);
  const textMatch = term
    ? or(
        ilike(salesOrders.number, term),
        ilike(salesOrders.reference, term),
        filter.searchText === "content"
          ? sql`exists (select 1 from ${salesOrderLines} l where l.sales_order_id = ${salesOrders.id} and l.description ilike ${term})`
          : ilike(customers.name, term),
      )
    : undefined;
  const rows = await tx
    .select({ o: salesOrders, customerName: customers.name })
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .where(
      and(
        filter.status ? eq(salesOrders.status, filter.status) : undefined,
        filter.customerId ? eq(salesOrders.customerId, filter.customerId) : undefined,
        filter.hideDrafts ? ne(salesOrders.status, "draft") : undefined,
        textMatch,
      ),
    )
    .orderBy(desc(salesOrders.issueDate), desc(salesOrders.createdAt))
    .limit(1000);
  return rows.map((r) => toSummary(r.o, r.customerName));
}
