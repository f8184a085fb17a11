import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApplyBody,
  InvoiceSummary,
  RecordPaymentBody,
  RefundBody,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function usePayment(id: string) {
  return useQuery({
    queryKey: queryKeys.payments.detail(id),
    queryFn: ({ signal }) => api.get("/api/payments/:id", { params: { id }, signal }),
  });
}

export function useCustomerBalances(customerId: string) {
  return useQuery({
    queryKey: queryKeys.customerBalances.of(customerId),
    queryFn: ({ signal }) => api.get("/api/customers/:id/balances", { params: { id: customerId }, signal }),
  });
}

/** Issued invoices and retainer invoices of a customer that still owe something, oldest first. */
export function useOpenDocuments(customerId: string | null) {
  return useQuery({
    queryKey: queryKeys.invoices.open(customerId ?? ""),
    enabled: Boolean(customerId),
    queryFn: async ({ signal }) => {
      const all = await api.get("/api/invoices", {
        // Filtered on the server: a customer's open documents, not the newest thousand of everything.
        query: { customerId: customerId ?? "", open: "true" },
        signal,
      });
      return all.items
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
    [
      queryKeys.payments.all,
      queryKeys.payments.details,
      queryKeys.invoices.all,
      queryKeys.invoices.details,
      queryKeys.customerBalances.all,
    ].map((queryKey) => client.invalidateQueries({ queryKey })),
  );
}

export function useRecordPayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPaymentBody) => api.post("/api/payments", { body }),
    onSuccess: () => invalidateMoney(client),
  });
}

export function useApplyPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) => api.post("/api/payments/:id/apply", { params: { id }, body }),
    onSuccess: () => invalidateMoney(client),
  });
}

export function useRefundPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RefundBody) => api.post("/api/payments/:id/refunds", { params: { id }, body }),
    onSuccess: () => invalidateMoney(client),
  });
}

/** A credit note's credit or a retainer's balance applied to invoices. */
export function useApplyCredit(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) =>
      api.post("/api/invoices/:id/apply", { params: { id: documentId }, body }),
    onSuccess: () => invalidateMoney(client),
  });
}

export function useRefundCredit(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RefundBody) =>
      api.post("/api/invoices/:id/refunds", { params: { id: documentId }, body }),
    onSuccess: () => invalidateMoney(client),
  });
}
