import { z } from "zod";
import { currencyCode, isoDate, minorAmount, optionalText, searchQuery, uuid } from "./common.js";
import { currencyFilter, dateRangeShape, listPage, listQuery, totalsQuery } from "./list-page.js";

/**
 * The customer's money (A8, A9, A10, E1, E2, E6, E9, F2). Amounts are integer minor units of `currency`;
 * balances are per currency because a customer may be billed in more than one.
 */
export const invoiceKind = z.enum(["invoice", "retainer", "credit_note"]);
export type InvoiceKind = z.infer<typeof invoiceKind>;

export const paymentMethod = z.enum(["gateway", "transfer", "cash", "cheque", "card_terminal", "other"]);
export type PaymentMethod = z.infer<typeof paymentMethod>;
/** What staff may record by hand: everything but a gateway's own confirmations. */
export const offlineMethod = paymentMethod.exclude(["gateway"]);

const positiveAmount = minorAmount.positive("must be more than zero");
export const allocationInput = z.object({ invoiceId: uuid, amountMinor: positiveAmount });
export type AllocationInput = z.infer<typeof allocationInput>;

export const recordPaymentBody = z.object({
  customerId: uuid,
  amountMinor: positiveAmount,
  /** Defaults to the customer's currency. */
  currency: currencyCode.optional(),
  method: offlineMethod,
  paidOn: isoDate,
  reference: optionalText(200),
  notes: optionalText(2000),
  /** Where the money goes; what is left stays as the customer's unapplied credit. */
  allocations: z.array(allocationInput).max(200).default([]),
});
export type RecordPaymentBody = z.input<typeof recordPaymentBody>;

export const applyBody = z.object({ allocations: z.array(allocationInput).min(1).max(200) });
export type ApplyBody = z.input<typeof applyBody>;

export const refundBody = z.object({
  amountMinor: positiveAmount,
  method: offlineMethod,
  refundedOn: isoDate,
  reference: optionalText(200),
  notes: optionalText(2000),
  /**
   * What the client saw as already refunded. A refund is refused (STALE_STATE) when it differs, so a
   * repeated submit of the same partial refund is not recorded twice.
   */
  expectedRefundedMinor: minorAmount.nonnegative("must not be negative"),
});
export type RefundBody = z.input<typeof refundBody>;

export const refund = z.object({
  id: uuid,
  amountMinor: z.number().int(),
  currency: z.string(),
  method: paymentMethod,
  refundedOn: z.string(),
  reference: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Refund = z.infer<typeof refund>;

/** One net movement of money or credit onto an invoice. */
export const allocation = z.object({
  /** Where it came from: a payment (its receipt number), a credit note or a retainer invoice. */
  sourceType: z.enum(["payment", "credit_note", "retainer"]),
  sourceId: uuid,
  sourceNumber: z.string().nullable(),
  invoiceId: uuid,
  invoiceNumber: z.string().nullable(),
  invoiceKind: invoiceKind,
  amountMinor: z.number().int(),
  appliedOn: z.string(),
});
export type Allocation = z.infer<typeof allocation>;

export const paymentSummary = z.object({
  id: uuid,
  number: z.string(),
  customerId: uuid,
  customerName: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  method: paymentMethod,
  paidOn: z.string(),
  reference: z.string().nullable(),
  gateway: z.string().nullable(),
  allocatedMinor: z.number().int(),
  refundedMinor: z.number().int(),
  /** Received and neither allocated nor refunded: credit the customer holds. */
  unappliedMinor: z.number().int(),
  /** True when some of it paid invoices (E6 "invoice payments"), not only retainers or credit. */
  paidInvoices: z.boolean(),
});
export type PaymentSummary = z.infer<typeof paymentSummary>;

export const paymentDetail = paymentSummary.extend({
  notes: z.string().nullable(),
  allocations: z.array(allocation),
  refunds: z.array(refund),
  /** The most that may still be refunded of it (not what paid a retainer: refund the retainer instead). */
  refundableMinor: z.number().int(),
});
export type PaymentDetail = z.infer<typeof paymentDetail>;

export const paymentListSort = z.enum(["date", "amount"]);
export const paymentListFilters = {
  customerId: uuid.optional(),
  q: searchQuery,
  /** "invoice": only payments that paid invoices (E6). */
  filter: z.enum(["all", "invoice"]).default("all"),
  /** The payment's date, both included. */
  ...dateRangeShape,
  currency: currencyFilter,
};
export const paymentListQuery = listQuery(paymentListFilters, paymentListSort);
export type PaymentListQuery = z.output<typeof paymentListQuery>;
export const paymentTotalsQuery = totalsQuery(paymentListFilters);
export type PaymentTotalsQuery = z.output<typeof paymentTotalsQuery>;
export const paymentPage = listPage(paymentSummary);
export type PaymentPage = z.infer<typeof paymentPage>;

export const customerBalance = z.object({
  currency: z.string(),
  /** Due on issued, unpaid invoices (not retainers). */
  outstandingMinor: z.number().int(),
  overdueMinor: z.number().int(),
  openInvoiceCount: z.number().int(),
  /** Credit notes' remaining credit plus unapplied payments. */
  creditsMinor: z.number().int(),
  /** Due on issued retainer invoices. */
  retainerOutstandingMinor: z.number().int(),
  openRetainerCount: z.number().int(),
  /** Paid into retainers and not yet applied or refunded. */
  retainerBalanceMinor: z.number().int(),
  /** The statement's balance: outstanding − credits − retainer balance. */
  balanceMinor: z.number().int(),
});
export type CustomerBalance = z.infer<typeof customerBalance>;

export const payInvoiceBody = z.object({
  /** Generated once per click intent by the web app; a repeated key returns the same checkout. */
  idempotencyKey: z.string().min(8).max(100),
  /** Part of the invoice, when it allows partial payments; omitted: all that is due. */
  amountMinor: positiveAmount.optional(),
  /** One of the invoice's `gateways`; omitted: the first one offered. */
  gateway: z.string().min(1).max(40).optional(),
  /** E12: save the card (or mandate) at a provider that keeps saved methods. */
  saveMethod: z.boolean().optional(),
});
export const payAllBody = z.object({
  idempotencyKey: z.string().min(8).max(100),
  gateway: z.string().min(1).max(40).optional(),
  saveMethod: z.boolean().optional(),
  /** Defaults to the customer's currency. */
  currency: currencyCode.optional(),
});
