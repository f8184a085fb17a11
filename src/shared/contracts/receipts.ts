import { z } from "zod";
import { listDir } from "./list-page.js";
import { paymentDetail, paymentListFilters, paymentListSort, paymentSummary, refund } from "./money.js";

/**
 * Payments made (E6) as the portal shows them: the contact's customer's payments, online and offline,
 * with receipts. Staff-only fields (internal notes, what is still refundable) are left out.
 */
/** E6's list: the staff list's filter and orders, unpaged (a customer's own payments). */
export const portalPaymentListQuery = z.object({
  filter: paymentListFilters.filter,
  sort: paymentListSort.default("date"),
  dir: listDir.default("desc"),
});
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
