import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApplyBody,
  CustomerBalance,
  InvoiceDetail,
  InvoiceSummary,
  PaymentDetail,
  PaymentSummary,
  RecordPaymentBody,
  RefundBody,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";

export interface PaymentFilters {
  customerId?: string;
  q?: string;
  sort?: "date" | "amount";
  dir?: "asc" | "desc";
}

export const paymentKeys = {
  list: (filters: PaymentFilters) => ["payments", filters] as const,
  detail: (id: string) => ["payment", id] as const,
  balances: (customerId: string) => ["customer-balances", customerId] as const,
  openDocuments: (customerId: string) => ["invoices", "open", customerId] as const,
};

export function usePayments(filters: PaymentFilters) {
  return useQuery({
    queryKey: paymentKeys.list(filters),
    queryFn: ({ signal }) => api.get<PaymentSummary[]>(`/api/payments${queryString({ ...filters })}`, signal),
    placeholderData: (previous) => previous,
  });
}

export function usePayment(id: string) {
  return useQuery({
    queryKey: paymentKeys.detail(id),
    queryFn: ({ signal }) => api.get<PaymentDetail>(`/api/payments/${id}`, signal),
  });
}

export function useCustomerBalances(customerId: string) {
  return useQuery({
    queryKey: paymentKeys.balances(customerId),
    queryFn: ({ signal }) => api.get<CustomerBalance[]>(`/api/customers/${customerId}/balances`, signal),
  });
}

/** Issued invoices and retainer invoices of a customer that still owe something, oldest first. */
export function useOpenDocuments(customerId: string | null) {
  return useQuery({
    queryKey: paymentKeys.openDocuments(customerId ?? ""),
    enabled: Boolean(customerId),
    queryFn: async ({ signal }) => {
      const all = await api.get<InvoiceSummary[]>(
        // Filtered on the server: a customer's open documents, not the newest thousand of everything.
        `/api/invoices${queryString({ customerId: customerId ?? "", open: "true" })}`,
        signal,
      );
      return all
        .filter(
          (i) => i.kind !== "credit_note" && i.status !== "draft" && i.status !== "void" && i.dueMinor > 0,
        )
        .sort(byOldest);
    },
  });
}

/** Oldest due date first (an invoice without one counts from its issue date), then by number. */
export function byOldest(a: InvoiceSummary, b: InvoiceSummary): number {
  const da = a.dueDate ?? a.issueDate;
  const db = b.dueDate ?? b.issueDate;
  if (da !== db) return da < db ? -1 : 1;
  return (a.number ?? "").localeCompare(b.number ?? "");
}

/** Money moved: every list, balance and document touched may have changed. */
function invalidateMoney(client: ReturnType<typeof useQueryClient>) {
  return Promise.all(
    ["payments", "payment", "invoices", "invoice", "customer-balances"].map((key) =>
      client.invalidateQueries({ queryKey: [key] }),
    ),
  );
}

export function useRecordPayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPaymentBody) => api.post<PaymentDetail>("/api/payments", body),
    onSuccess: () => invalidateMoney(client),
  });
}

export function useApplyPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) => api.post<PaymentDetail>(`/api/payments/${id}/apply`, body),
    onSuccess: () => invalidateMoney(client),
  });
}

export function useRefundPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RefundBody) => api.post<PaymentDetail>(`/api/payments/${id}/refunds`, body),
    onSuccess: () => invalidateMoney(client),
  });
}

/** A credit note's credit or a retainer's balance applied to invoices. */
export function useApplyCredit(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) => api.post<InvoiceDetail>(`/api/invoices/${documentId}/apply`, body),
    onSuccess: () => invalidateMoney(client),
  });
}

export function useRefundCredit(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RefundBody) => api.post<InvoiceDetail>(`/api/invoices/${documentId}/refunds`, body),
    onSuccess: () => invalidateMoney(client),
  });
}
