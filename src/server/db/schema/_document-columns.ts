import { integer, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { minor, orgId, rowId } from "./_columns.js";

/*
 * The column groups the three sales documents (invoices, quotes, sales orders) and their lines share
 * (issue 11). Each helper returns fresh columns, in the order the tables always had them.
 */

/** A row that belongs to one customer of one organisation. */
export const customerRow = () => ({ id: rowId(), orgId: orgId(), customerId: uuid("customer_id").notNull() });

/** The number a document takes from its series: null until it is issued, sent or confirmed. */
export const documentNumber = () => ({
  number: text("number"),
  year: integer("year"),
  sequence: integer("sequence"),
});

export const documentText = () => ({ notes: text("notes"), terms: text("terms") });

export const documentTotals = () => ({
  subtotalMinor: minor("subtotal_minor"),
  discountMinor: minor("discount_minor"),
  netMinor: minor("net_minor"),
  taxMinor: minor("tax_minor"),
  totalMinor: minor("total_minor"),
});

/** Frozen when the document is issued, sent or confirmed, whatever later edits to the taxes. */
export const taxBreakdown = () =>
  jsonb("tax_breakdown")
    .$type<{ taxId: string; name: string; rateBp: number; baseMinor: number; amountMinor: number }[]>()
    .notNull()
    .default([]);

/** Frozen likewise: the customer as the document showed it. */
export const customerSnapshot = () => jsonb("customer_snapshot").$type<Record<string, unknown>>();

export type LineTax = { taxId: string; name: string; rateBp: number; amountMinor: number };

export const lineText = () => ({
  position: integer("position").notNull(),
  description: text("description").notNull(),
  quantityMilli: integer("quantity_milli").notNull(),
});

/** A line's price, discount, taxes and the amounts priced from them (shared/money/lines.ts). */
export const lineAmounts = () => ({
  unitPriceMinor: minor("unit_price_minor"),
  discountBp: integer("discount_bp").notNull().default(0),
  taxes: jsonb("taxes").$type<LineTax[]>().notNull().default([]),
  grossMinor: minor("gross_minor"),
  discountMinor: minor("discount_minor"),
  netMinor: minor("net_minor"),
  taxMinor: minor("tax_minor"),
  totalMinor: minor("total_minor"),
});
