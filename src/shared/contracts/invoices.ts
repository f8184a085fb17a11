import { z } from "zod";
import {
  currencyCode,
  isoDate,
  minorAmount,
  optionalText,
  requiredText,
  searchQuery,
  uuid,
} from "./common.js";
import { currencyFilter, dateRangeShape, listPage, listQuery, totalsQuery } from "./list-page.js";
import { allocation, invoiceKind, refund } from "./money.js";
import { rectification, rectificationInput } from "./rectifying.js";
import { INVOICE_STATUSES } from "./statuses.js";

export const invoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatus>;

/** All quantities and amounts are integers: quantity × 1000, minor units, percent × 100. */
export const invoiceLineInput = z.object({
  description: requiredText(2000),
  quantityMilli: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  unitPriceMinor: minorAmount.min(-1e12, "amount too large").max(1e12, "amount too large"),
  discountBp: z.number().int().min(0).max(10000).default(0),
  /** Omitted: the default tax applies (CP2001 when there is none). [] means no tax. */
  taxIds: z.array(uuid).max(4).optional(),
});
export type InvoiceLineInput = z.input<typeof invoiceLineInput>;

export const invoiceDraftBody = z.object({
  customerId: uuid,
  /** Fixed at creation: an edit keeps the draft's kind. */
  kind: invoiceKind.default("invoice"),
  /** A credit note's corrected invoice (same customer, issued). */
  correctsInvoiceId: uuid.nullish(),
  issueDate: isoDate.optional(),
  dueDate: isoDate.nullish(),
  currency: currencyCode.optional(),
  notes: optionalText(5000),
  terms: optionalText(5000),
  allowPartialPayments: z.boolean().default(false),
  lines: z.array(invoiceLineInput).max(500),
  /** A credit note of a Spanish organisation: the rectifying invoice's type, reason… (decision 051). */
  rectification: rectificationInput.nullish(),
});
export type InvoiceDraftBody = z.input<typeof invoiceDraftBody>;

export const lineTax = z.object({
  taxId: uuid,
  name: z.string(),
  rateBp: z.number().int(),
  amountMinor: z.number().int(),
});
export const invoiceLine = z.object({
  id: uuid,
  position: z.number().int(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unitPriceMinor: z.number().int(),
  discountBp: z.number().int(),
  taxes: z.array(lineTax),
  grossMinor: z.number().int(),
  discountMinor: z.number().int(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type InvoiceLine = z.infer<typeof invoiceLine>;

export const taxBreakdownEntry = z.object({
  taxId: uuid,
  name: z.string(),
  rateBp: z.number().int(),
  baseMinor: z.number().int(),
  amountMinor: z.number().int(),
});

/** The free texts every sales document's detail carries (issue 11: written once for the three kinds). */
export const documentTexts = { notes: z.string().nullable(), terms: z.string().nullable() };

/** The priced amounts every sales document's detail carries; the total is in its summary. */
export const documentAmounts = {
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxBreakdown: z.array(taxBreakdownEntry),
};

export const invoiceSummary = z.object({
  id: uuid,
  kind: invoiceKind,
  number: z.string().nullable(),
  status: invoiceStatus,
  customerId: uuid,
  customerName: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  /** What is still owed (invoices, retainers); 0 for credit notes. */
  dueMinor: z.number().int(),
  /** A credit note's credit left, or a retainer's balance left to apply or refund; else 0. */
  availableMinor: z.number().int(),
  isOverdue: z.boolean(),
  /**
   * A payment of it was accepted by the provider but has not settled (a SEPA debit takes days): shown as
   * "payment processing"; derived from its checkouts, never stored (issue 13).
   */
  paymentProcessing: z.boolean(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

export const invoiceDetail = invoiceSummary.extend({
  ...documentTexts,
  allowPartialPayments: z.boolean(),
  ...documentAmounts,
  lines: z.array(invoiceLine),
  issuedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  viewedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  /** The accepted quote this invoice was converted from. */
  quoteId: uuid.nullable(),
  correctsInvoiceId: uuid.nullable(),
  correctsInvoiceNumber: z.string().nullable(),
  /** The recurring profile that made this invoice (A5); null once the profile is deleted. */
  recurringProfileId: uuid.nullable(),
  /** What was paid or credited onto this invoice or retainer. */
  allocations: z.array(allocation),
  /** Where a credit note's credit or a retainer's balance went. */
  appliedTo: z.array(allocation),
  /** Refunds of a credit note's credit or a retainer's balance. */
  refunds: z.array(refund),
  /** The gateways this invoice offers (the organisation's at creation; staff may narrow them). */
  gateways: z.array(z.string()),
  /**
   * Issue 17: AEAT's validation URL its VERI*FACTU QR encodes, when the organisation is in the mode and
   * the document is issued; null otherwise.
   */
  verifactuQrUrl: z.string().nullable(),
  /** A Spanish rectifying invoice's type, method, reason and rectified invoices (decision 051). */
  rectification: rectification.nullable(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

/** The orders of the back-office invoice list (issue 19); "customer" is the issued document's customer name. */
export const invoiceListSort = z.enum(["date", "number", "customer", "amount", "due", "status"]);
export type InvoiceListSort = z.infer<typeof invoiceListSort>;
export const invoiceListFilters = {
  status: invoiceStatus.optional(),
  kind: invoiceKind.optional(),
  customerId: uuid.optional(),
  /** Searches the number and the customer's name. */
  q: searchQuery,
  /** The issue date, both included. */
  ...dateRangeShape,
  currency: currencyFilter,
  /** "true": only issued invoices still owed whose due date has passed. */
  overdue: z.stringbool().optional(),
  /**
   * "true": only invoices and retainers that still take payments, oldest due first (A10's payment form):
   * one bounded page (at most 1,000), not paged.
   */
  open: z.stringbool().optional(),
};
export const invoiceListQuery = listQuery(invoiceListFilters, invoiceListSort);
export type InvoiceListQuery = z.output<typeof invoiceListQuery>;
export const invoiceTotalsQuery = totalsQuery(invoiceListFilters);
export type InvoiceTotalsQuery = z.output<typeof invoiceTotalsQuery>;
export const invoicePage = listPage(invoiceSummary);
export type InvoicePage = z.infer<typeof invoicePage>;

/**
 * Issuing (an invoice, confirming a sales order, sending a quote) keeps the draft's date, or refuses with
 * ISSUE_DATE_BEFORE_LAST / ISSUE_DATE_IN_FUTURE; the client may retry `useToday` or with another date.
 * The due date keeps its distance from the issue date (the customer's terms when the draft had none).
 */
export const issueDateBody = z.object({
  issueDate: isoDate.optional(),
  useToday: z.boolean().optional(),
});
export type IssueDateBody = z.infer<typeof issueDateBody>;

export const sendInvoiceBody = z.object({
  /** Defaults to every contact of the customer with an email and portal access. */
  contactIds: z.array(uuid).max(20).optional(),
  /** Sending a draft issues it with its own date, or these (see `issueDateBody`). */
  issueDate: isoDate.optional(),
  useToday: z.boolean().optional(),
});
export const sendInvoiceResult = z.object({
  recipients: z.array(z.object({ contactId: uuid, email: z.string() })),
  deliveryMode: z.enum(["pdf", "link", "both"]),
});
