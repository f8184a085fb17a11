import { useQuery } from "@tanstack/react-query";
import { reviewListQuery } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import type { ListConfig } from "../../ui/lists/list-view.js";
import { type ListViewState, useListView } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";

/** Current reviews (A15) of one customer, newest first (its first page), with the figures of the customer. */
export function useReviews(filters: { rating?: number; customerId?: string }) {
  return useQuery({
    queryKey: queryKeys.reviews.list(filters),
    queryFn: ({ signal }) => api.get("/api/reviews", { query: filters, signal }),
    placeholderData: (previous) => previous,
  });
}

/** The review list's orders and filters as its API names them (issue 19, decision 058). */
export const REVIEW_LIST: ListConfig<"newest" | "rating", "rating" | "customerId"> = {
  sorts: ["newest", "rating"],
  defaultSort: "newest",
  defaultDir: "desc",
  firstDir: { rating: "desc" },
  filters: ["rating", "customerId"],
};

export const useReviewList = () => useListView(REVIEW_LIST, reviewListQuery);

/** A page of the list, with the figures (average, histogram) of its customer filter beside it. */
export const useReviewPage = (list: ListViewState) =>
  useQuery({
    queryKey: queryKeys.reviews.list(list.pageQuery),
    queryFn: ({ signal }) => api.get("/api/reviews", { query: list.pageQuery, signal }),
    placeholderData: (previous) => previous,
  });
