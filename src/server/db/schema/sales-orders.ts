import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, minor, orgId, ts, updatedAt } from "./_columns.js";

/**
 * Stored states of a sales order (A7). "partially_invoiced" and "invoiced" follow from the lines'
 * invoiced quantities (docs/decisions/009-sales-orders-and-partial-invoicing.md).
 */
export const salesOrderStatuses = ["draft", "confirmed", "partially_invoiced", "invoiced", "void"] as const;

export type SalesOrderLineTax = { taxId: string; name: string; rateBp: number; amountMinor: number };

export const salesOrders = pgTable(
  "sales_orders",
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    seriesId: uuid("series_id").notNull(),
    /** Taken at confirmation from the "PV" series (gap-free per series and year). */
    number: text("number"),
    year: integer("year"),
    sequence: integer("sequence"),
    status: text("status", { enum: salesOrderStatuses }).notNull().default("draft"),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    /** When the customer expects the goods or the work; informative. */
    deliveryDate: date("delivery_date", { mode: "string" }),
    currency: text("currency").notNull(),
    reference: text("reference"),
    notes: text("notes"),
    terms: text("terms"),
    subtotalMinor: minor("subtotal_minor"),
    discountMinor: minor("discount_minor"),
    netMinor: minor("net_minor"),
    taxMinor: minor("tax_minor"),
    totalMinor: minor("total_minor"),
    taxBreakdown: jsonb("tax_breakdown")
      .$type<{ taxId: string; name: string; rateBp: number; baseMinor: number; amountMinor: number }[]>()
      .notNull()
      .default([]),
    /** Frozen at confirmation. */
    customerSnapshot: jsonb("customer_snapshot").$type<Record<string, unknown>>(),
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
    index("sales_orders_customer_idx").on(t.orgId, t.customerId),
    uniqueIndex("sales_orders_number_key").on(t.orgId, t.seriesId, t.year, t.sequence),
    uniqueIndex("sales_orders_quote_key").on(t.orgId, t.quoteId),
  ],
);

export const salesOrderLines = pgTable(
  "sales_order_lines",
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    salesOrderId: uuid("sales_order_id").notNull(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantityMilli: integer("quantity_milli").notNull(),
    /**
     * How much of the line the order's non-void invoices bill (drafts included), kept by
     * sales-orders/sales-order-fulfilment.ts in every transaction that changes those invoices.
     */
    invoicedQuantityMilli: integer("invoiced_quantity_milli").notNull().default(0),
    unitPriceMinor: minor("unit_price_minor"),
    discountBp: integer("discount_bp").notNull().default(0),
    taxes: jsonb("taxes").$type<SalesOrderLineTax[]>().notNull().default([]),
    grossMinor: minor("gross_minor"),
    discountMinor: minor("discount_minor"),
    netMinor: minor("net_minor"),
    taxMinor: minor("tax_minor"),
    totalMinor: minor("total_minor"),
  },
  (t) => [index("sales_order_lines_order_idx").on(t.salesOrderId, t.position)],
);
