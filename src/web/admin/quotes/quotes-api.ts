import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { QuoteDetail, QuoteDraftBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { staffDocuments } from "../../ui/documents/document-client.js";
import { queryKeys } from "../../ui/query-keys.js";
import type { SendVariables } from "../invoices/invoices-api.js";

export const useQuote = (id: string) => staffDocuments.useOne("quote", id);

/** Caches the fresh quote a mutation answers and refreshes every quote (a revision changes its siblings). */
function useQuoteMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<QuoteDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (quote) => {
      await client.invalidateQueries({ queryKey: queryKeys.quotes.details });
      client.setQueryData(queryKeys.quotes.detail(quote.id), quote);
      await client.invalidateQueries({ queryKey: queryKeys.quotes.all });
    },
  });
}

export function useCreateQuote() {
  return useQuoteMutation((body: QuoteDraftBody) => api.post("/api/quotes", { body }));
}

export function useUpdateQuote(id: string) {
  return useQuoteMutation((body: QuoteDraftBody) => api.put("/api/quotes/:id", { params: { id }, body }));
}

export function useReviseQuote(id: string) {
  return useQuoteMutation(() => api.post("/api/quotes/:id/revise", { params: { id } }));
}

export function useConvertQuote(id: string) {
  const client = useQueryClient();
  return useMutation({
    /** One action (A6): an accepted quote becomes a draft invoice or a sales order with the same lines. */
    mutationFn: (target: "invoice" | "sales_order") =>
      api.post("/api/quotes/:id/convert", { params: { id }, body: { target } }),
    onSuccess: (result) => {
      client.setQueryData(queryKeys.quotes.detail(id), result.quote);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.quotes.all }),
        client.invalidateQueries({ queryKey: queryKeys.invoices.all }),
        client.invalidateQueries({ queryKey: queryKeys.salesOrders.all }),
      ]);
    },
  });
}

export function useSendQuote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactIds, dates }: SendVariables) =>
      api.post("/api/quotes/:id/send", { params: { id }, body: { contactIds, ...dates } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.quotes.details }),
        client.invalidateQueries({ queryKey: queryKeys.quotes.all }),
        client.invalidateQueries({ queryKey: queryKeys.outbox.all }),
      ]),
  });
}

export function useVerifyEvidence(id: string) {
  return useMutation({
    mutationFn: () => api.get("/api/quotes/:id/evidence/verify", { params: { id } }),
  });
}
