import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AcceptQuoteBody,
  PortalQuoteDetail,
  PortalQuoteFilter,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { quoteKeys } from "../../ui/documents/document-keys.js";
import { portalDocuments } from "../portal-documents.js";
import { portalApi } from "../slug.js";

export const usePortalQuotes = (filters: { status?: PortalQuoteFilter; q?: string }) =>
  portalDocuments.useList("quote", filters);

export const usePortalQuote = (id: string) => portalDocuments.useOne("quote", id);

function useAnswer<TBody>(id: string, action: "accept" | "decline") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<PortalQuoteDetail>(portalApi(`/quotes/${id}/${action}`), body),
    onSuccess: (quote) => {
      client.setQueryData(quoteKeys.detail(id), quote);
      return client.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

export const useAcceptQuote = (id: string) => useAnswer<AcceptQuoteBody>(id, "accept");
export const useDeclineQuote = (id: string) => useAnswer<{ reason: string }>(id, "decline");
