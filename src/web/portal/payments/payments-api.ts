import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  PortalPaymentDetail,
  PortalPaymentListQuery,
  PortalPaymentSummary,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";
import { portalApi } from "../slug.js";

export function usePortalPayments(filters: PortalPaymentListQuery) {
  return useQuery({
    queryKey: ["payments", filters],
    queryFn: ({ signal }) =>
      api.get<PortalPaymentSummary[]>(portalApi(`/payments${queryString({ ...filters })}`), signal),
    placeholderData: (previous) => previous,
  });
}

export function usePortalPayment(id: string) {
  return useQuery({
    queryKey: ["payment", id],
    queryFn: ({ signal }) => api.get<PortalPaymentDetail>(portalApi(`/payments/${id}`), signal),
  });
}

/** Pay now for one invoice: all that is due, or `amountMinor` of it when the invoice allows (F2). */
export function usePayInvoice(invoiceId: string) {
  return useMutation({
    mutationFn: (body: { idempotencyKey: string; amountMinor?: number }) =>
      api.post<{ checkoutUrl: string }>(portalApi(`/invoices/${invoiceId}/pay`), body),
    onSuccess: ({ checkoutUrl }) => window.location.assign(checkoutUrl),
  });
}
