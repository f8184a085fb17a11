import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";
import * as doc from "./_document-columns.js";

/**
 * Stored states of a sales order (A7). "partially_invoiced" and "invoiced" follow from the lines'
 * invoiced quantities (docs/decisions/009-sales-orders-and-partial-invoicing.md).
 */
export const salesOrderStatuses = ["draft", "confirmed", "partially_invoiced", "invoiced", "void"] as const;

export type SalesOrderLineTax = doc.LineTax;

export const salesOrders = pgTable(
  "sales_orders",
  {
    ...doc.customerRow(),
    seriesId: uuid("series_id").notNull(),
    /** Taken at confirmation from the "PV" series (gap-free per series and year). */
    ...doc.documentNumber(),
    status: text("status", { enum: salesOrderStatuses }).notNull().default("draft"),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    /** When the customer expects the goods or the work; informative. */
    deliveryDate: date("delivery_date", { mode: "string" }),
    currency: text("currency").notNull(),
    reference: text("reference"),
    ...doc.documentText(),
    ...doc.documentTotals(),
    taxBreakdown: doc.taxBreakdown(),
    /** Frozen at confirmation. */
    customerSnapshot: doc.customerSnapshot(),
    /** The accepted quote this order was converted from, if any. */
    quoteId: uuid("quote_id"),
    confirmedAt: ts("confirmed_at"),
    sentAt: ts("sent_at"),
    viewedAt: ts("viewed_at"),
    voidedAt: ts("voided_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("sales_orders", t),
    index("sales_orders_customer_idx").on(t.orgId, t.customerId),
    // The search box (issue 19, decision 059).
    index("sales_orders_number_prefix_idx").on(t.orgId, t.number.op("text_pattern_ops")),
    index("sales_orders_sequence_idx").on(t.orgId, t.sequence),
    // Issue 19 (decision 058): the back-office list's keyset orders, each (org_id, key, id).
    index("sales_orders_list_date_idx").on(t.orgId, t.issueDate, t.id),
    index("sales_orders_list_number_idx").on(t.orgId, sql`coalesce(${t.number}, '')`, t.id),
    index("sales_orders_list_customer_idx").on(
      t.orgId,
      sql`coalesce(${t.customerSnapshot} ->> 'name', '')`,
      t.id,
    ),
    index("sales_orders_list_amount_idx").on(t.orgId, t.totalMinor, t.id),
    index("sales_orders_list_status_idx").on(t.orgId, t.status, t.id),
    uniqueIndex("sales_orders_number_key").on(t.orgId, t.seriesId, t.year, t.sequence),
    uniqueIndex("sales_orders_quote_key").on(t.orgId, t.quoteId),
  ],
);

export const salesOrderLines = pgTable(
  "sales_order_lines",
  {
    ...doc.customerRow(),
    salesOrderId: uuid("sales_order_id").notNull(),
    ...doc.lineText(),
    /**
     * How much of the line the order's non-void invoices bill (drafts included), kept by
     * documents/fulfilment.ts in every transaction that changes those invoices.
     */
    invoicedQuantityMilli: integer("invoiced_quantity_milli").notNull().default(0),
    ...doc.lineAmounts(),
  },
  (t) => [
    tenantPrimaryKey("sales_order_lines", t),
    index("sales_order_lines_order_idx").on(t.salesOrderId, t.position),
  ],
);
