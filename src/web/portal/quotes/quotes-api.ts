import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeclineQuoteBody } from "../../../shared/contracts/answers.js";
import type {
  AcceptQuoteBody,
  PortalQuoteDetail,
  PortalQuoteFilter,
} from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portalDocuments } from "../portal-documents.js";
import { portal } from "../slug.js";

export const usePortalQuotes = (filters: { status?: PortalQuoteFilter; q?: string }) =>
  portalDocuments.useList("quote", filters);

export const usePortalQuote = (id: string) => portalDocuments.useOne("quote", id);

function useAnswer<TBody>(id: string, answer: (body: TBody) => Promise<PortalQuoteDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: answer,
    onSuccess: (quote) => {
      client.setQueryData(queryKeys.quotes.detail(id), quote);
      return client.invalidateQueries({ queryKey: queryKeys.quotes.all });
    },
  });
}

export const useAcceptQuote = (id: string) =>
  useAnswer(id, (body: AcceptQuoteBody) =>
    portal.post("/api/portal/:slug/quotes/:id/accept", { params: { id }, body }),
  );
export const useDeclineQuote = (id: string) =>
  useAnswer(id, (body: DeclineQuoteBody) =>
    portal.post("/api/portal/:slug/quotes/:id/decline", { params: { id }, body }),
  );
