import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AcceptQuoteBody,
  PortalQuoteDetail,
  PortalQuoteFilter,
  PortalQuoteSummary,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";
import { quoteKeys } from "../../ui/documents/document-keys.js";
import { portalApi } from "../slug.js";

export function usePortalQuotes(filters: { status?: PortalQuoteFilter; q?: string }) {
  return useQuery({
    queryKey: quoteKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<PortalQuoteSummary[]>(portalApi(`/quotes${queryString({ ...filters })}`), signal),
    placeholderData: (previous) => previous,
  });
}

export function usePortalQuote(id: string) {
  return useQuery({
    queryKey: quoteKeys.detail(id),
    queryFn: ({ signal }) => api.get<PortalQuoteDetail>(portalApi(`/quotes/${id}`), signal),
  });
}

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
