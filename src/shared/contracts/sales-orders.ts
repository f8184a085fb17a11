import { z } from "zod";
import { currencyCode, isoDate, optionalText, searchQuery, uuid } from "./common.js";
import { documentAmounts, documentTexts, invoiceLine, invoiceLineInput, invoiceStatus } from "./invoices.js";
import { currencyFilter, dateRangeShape, listPage, listQuery, totalsQuery } from "./list-page.js";

/**
 * A7: draft → confirmed (numbered) → partially_invoiced → invoiced, or void (a draft, or a confirmed
 * order no live invoice bills). The invoiced states follow from the lines' invoiced quantities.
 */
export const salesOrderStatus = z.enum(["draft", "confirmed", "partially_invoiced", "invoiced", "void"]);
export type SalesOrderStatus = z.infer<typeof salesOrderStatus>;

/** Priced like invoice lines; an order line orders something, so its quantity is positive. */
export const salesOrderLineInput = invoiceLineInput.extend({
  quantityMilli: z.number().int().min(1, "the quantity must be positive").max(1_000_000_000),
});

export const salesOrderDraftBody = z.object({
  customerId: uuid,
  issueDate: isoDate.optional(),
  deliveryDate: isoDate.nullish(),
  currency: currencyCode.optional(),
  /** The customer's own order reference (their PO number). */
  reference: optionalText(200),
  notes: optionalText(5000),
  terms: optionalText(5000),
  lines: z.array(salesOrderLineInput).max(500),
});
export type SalesOrderDraftBody = z.input<typeof salesOrderDraftBody>;

export const salesOrderSummary = z.object({
  id: uuid,
  /** "PV2026-0001"; null while a draft. */
  number: z.string().nullable(),
  status: salesOrderStatus,
  customerId: uuid,
  customerName: z.string(),
  issueDate: z.string(),
  deliveryDate: z.string().nullable(),
  reference: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
});
export type SalesOrderSummary = z.infer<typeof salesOrderSummary>;

export const salesOrderLine = invoiceLine.extend({
  /** How much of the line live invoices (drafts included, void ones not) bill. */
  invoicedQuantityMilli: z.number().int(),
  remainingQuantityMilli: z.number().int(),
});
export type SalesOrderLine = z.infer<typeof salesOrderLine>;

/** An invoice that fulfils (part of) the order. */
export const salesOrderInvoice = z.object({
  id: uuid,
  number: z.string().nullable(),
  status: invoiceStatus,
  issueDate: z.string(),
  totalMinor: z.number().int(),
});
export type SalesOrderInvoice = z.infer<typeof salesOrderInvoice>;

export const salesOrderDetail = salesOrderSummary.extend({
  ...documentTexts,
  ...documentAmounts,
  lines: z.array(salesOrderLine),
  confirmedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  viewedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  /** The accepted quote it was converted from. */
  quoteId: uuid.nullable(),
  invoices: z.array(salesOrderInvoice),
});
export type SalesOrderDetail = z.infer<typeof salesOrderDetail>;

export const salesOrderListSort = z.enum(["date", "number", "customer", "amount", "status"]);
export type SalesOrderListSort = z.infer<typeof salesOrderListSort>;
export const salesOrderListFilters = {
  status: salesOrderStatus.optional(),
  customerId: uuid.optional(),
  /** Searches the number, the customer's name and the customer's reference. */
  q: searchQuery,
  /** The issue date, both included. */
  ...dateRangeShape,
  currency: currencyFilter,
};
export const salesOrderListQuery = listQuery(salesOrderListFilters, salesOrderListSort);
export type SalesOrderListQuery = z.output<typeof salesOrderListQuery>;
export const salesOrderTotalsQuery = totalsQuery(salesOrderListFilters);
export type SalesOrderTotalsQuery = z.output<typeof salesOrderTotalsQuery>;
export const salesOrderPage = listPage(salesOrderSummary);
export type SalesOrderPage = z.infer<typeof salesOrderPage>;

export const invoiceSalesOrderBody = z.object({
  /** Omitted: everything that remains of every line. */
  lines: z
    .array(z.object({ salesOrderLineId: uuid, quantityMilli: z.number().int().min(1).max(1_000_000_000) }))
    .min(1)
    .max(500)
    .optional(),
});
export type InvoiceSalesOrderBody = z.input<typeof invoiceSalesOrderBody>;
export const invoiceSalesOrderResult = z.object({ invoiceId: uuid, salesOrder: salesOrderDetail });

export const sendSalesOrderBody = z.object({
  /** Defaults to every contact of the customer with an email and portal access. */
  contactIds: z.array(uuid).max(20).optional(),
});
export const sendSalesOrderResult = z.object({
  salesOrder: salesOrderDetail,
  recipients: z.array(z.object({ contactId: uuid, email: z.string() })),
  deliveryMode: z.enum(["pdf", "link", "both"]),
});

// Portal (E5)

export const portalSalesOrderListQuery = z.object({
  status: salesOrderStatus.exclude(["draft"]).optional(),
  /** Searches the number, the reference and the lines' descriptions. */
  q: searchQuery,
});
export const portalSalesOrderSummary = salesOrderSummary.omit({ customerId: true, customerName: true });
export type PortalSalesOrderSummary = z.infer<typeof portalSalesOrderSummary>;
export const portalSalesOrderDetail = salesOrderDetail.omit({
  customerId: true,
  customerName: true,
  quoteId: true,
});
export type PortalSalesOrderDetail = z.infer<typeof portalSalesOrderDetail>;
