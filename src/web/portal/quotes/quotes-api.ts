import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AcceptQuoteBody,
  PortalQuoteDetail,
  PortalQuoteFilter,
  PortalQuoteSummary,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";
import { portalApi } from "../slug.js";

export const portalQuoteKeys = {
  all: ["quotes"] as const,
  list: (filters: { status?: PortalQuoteFilter; q?: string }) => ["quotes", filters] as const,
  detail: (id: string) => ["quote", id] as const,
};

export function usePortalQuotes(filters: { status?: PortalQuoteFilter; q?: string }) {
  return useQuery({
    queryKey: portalQuoteKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<PortalQuoteSummary[]>(portalApi(`/quotes${queryString({ ...filters })}`), signal),
    placeholderData: (previous) => previous,
  });
}

export function usePortalQuote(id: string) {
  return useQuery({
    queryKey: portalQuoteKeys.detail(id),
    queryFn: ({ signal }) => api.get<PortalQuoteDetail>(portalApi(`/quotes/${id}`), signal),
  });
}

function useAnswer<TBody>(id: string, action: "accept" | "decline") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<PortalQuoteDetail>(portalApi(`/quotes/${id}/${action}`), body),
    onSuccess: (quote) => {
      client.setQueryData(portalQuoteKeys.detail(id), quote);
      return client.invalidateQueries({ queryKey: portalQuoteKeys.all });
    },
  });
}

export const useAcceptQuote = (id: string) => useAnswer<AcceptQuoteBody>(id, "accept");
export const useDeclineQuote = (id: string) => useAnswer<{ reason: string }>(id, "decline");
