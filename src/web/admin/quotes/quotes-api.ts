import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QuoteDetail, QuoteDraftBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { staffDocuments } from "../../ui/documents/document-client.js";
import { invoiceKeys, quoteKeys, salesOrderKeys } from "../../ui/documents/document-keys.js";
import type { SendResult, SendVariables } from "../invoices/invoices-api.js";
import { queryKeys } from "../query-keys.js";

export type QuoteFilters = {
  status?: string;
  q?: string;
  customerId?: string;
};

export const useQuotes = (filters: QuoteFilters) => staffDocuments.useList("quote", filters);

export const useQuote = (id: string) => staffDocuments.useOne("quote", id);

/** Caches the fresh quote a mutation answers and refreshes every quote (a revision changes its siblings). */
function useQuoteMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<QuoteDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (quote) => {
      await client.invalidateQueries({ queryKey: quoteKeys.details });
      client.setQueryData(quoteKeys.detail(quote.id), quote);
      await client.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

export function useCreateQuote() {
  return useQuoteMutation((body: QuoteDraftBody) => api.post<QuoteDetail>("/api/quotes", body));
}

export function useUpdateQuote(id: string) {
  return useQuoteMutation((body: QuoteDraftBody) => api.put<QuoteDetail>(`/api/quotes/${id}`, body));
}

export function useReviseQuote(id: string) {
  return useQuoteMutation(() => api.post<QuoteDetail>(`/api/quotes/${id}/revise`));
}

export function useConvertQuote(id: string) {
  const client = useQueryClient();
  return useMutation({
    /** One action (A6): an accepted quote becomes a draft invoice or a sales order with the same lines. */
    mutationFn: (target: "invoice" | "sales_order") =>
      api.post<{ invoiceId?: string; salesOrderId?: string; quote: QuoteDetail }>(
        `/api/quotes/${id}/convert`,
        { target },
      ),
    onSuccess: (result) => {
      client.setQueryData(quoteKeys.detail(id), result.quote);
      return Promise.all([
        client.invalidateQueries({ queryKey: quoteKeys.all }),
        client.invalidateQueries({ queryKey: invoiceKeys.all }),
        client.invalidateQueries({ queryKey: salesOrderKeys.all }),
      ]);
    },
  });
}

export function useSendQuote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactIds, dates }: SendVariables) =>
      api.post<SendResult & { quote: QuoteDetail }>(`/api/quotes/${id}/send`, { contactIds, ...dates }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: quoteKeys.details }),
        client.invalidateQueries({ queryKey: quoteKeys.all }),
        client.invalidateQueries({ queryKey: queryKeys.outbox }),
      ]),
  });
}

export function useVerifyEvidence(id: string) {
  return useMutation({
    mutationFn: () =>
      api.get<{ intact: boolean; storedHash: string; currentHash: string }>(
        `/api/quotes/${id}/evidence/verify`,
      ),
  });
}
