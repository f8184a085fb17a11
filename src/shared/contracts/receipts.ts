import { z } from "zod";
import { paymentDetail, paymentListQuery, paymentSummary, refund } from "./money.js";

/**
 * Payments made (E6) as the portal shows them: the contact's customer's payments, online and offline,
 * with receipts. Staff-only fields (internal notes, what is still refundable) are left out.
 */
export const portalPaymentListQuery = paymentListQuery.pick({ filter: true, sort: true, dir: true });
export type PortalPaymentListQuery = z.input<typeof portalPaymentListQuery>;

export const portalPaymentSummary = paymentSummary.omit({ customerId: true, customerName: true });
export type PortalPaymentSummary = z.infer<typeof portalPaymentSummary>;

export const portalRefund = refund.omit({ notes: true });
export type PortalRefund = z.infer<typeof portalRefund>;

export const portalPaymentDetail = paymentDetail
  .omit({ customerId: true, customerName: true, notes: true, refundableMinor: true, refunds: true })
  .extend({
    /** The gateway's own id of an online payment, for the payer's bank statement and support. */
    gatewayReference: z.string().nullable(),
    refunds: z.array(portalRefund),
  });
export type PortalPaymentDetail = z.infer<typeof portalPaymentDetail>;
