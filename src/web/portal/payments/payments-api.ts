import { useMutation, useQuery } from "@tanstack/react-query";
import type { PayInvoiceBody } from "../../../shared/contracts/answers.js";
import type { PortalPaymentListQuery } from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal } from "../slug.js";

export function usePortalPayments(filters: PortalPaymentListQuery) {
  return useQuery({
    queryKey: queryKeys.payments.list(filters),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/payments", { query: filters, signal }),
    placeholderData: (previous) => previous,
  });
}

export function usePortalPayment(id: string) {
  return useQuery({
    queryKey: queryKeys.payments.detail(id),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/payments/:id", { params: { id }, signal }),
  });
}

/** Pay now for one invoice: all that is due, or `amountMinor` of it when the invoice allows (F2). */
export function usePayInvoice(invoiceId: string) {
  return useMutation({
    mutationFn: (body: PayInvoiceBody) =>
      portal.post("/api/portal/:slug/invoices/:id/pay", { params: { id: invoiceId }, body }),
    onSuccess: ({ checkoutUrl }) => window.location.assign(checkoutUrl),
  });
}
