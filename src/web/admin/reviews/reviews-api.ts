import { useQuery } from "@tanstack/react-query";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

/** Current reviews (A15), filtered by stars and customer, with the figures of the customer filter. */
export function useReviews(filters: { rating?: number; customerId?: string }) {
  return useQuery({
    queryKey: queryKeys.reviews.list(filters),
    queryFn: ({ signal }) => api.get("/api/reviews", { query: filters, signal }),
    placeholderData: (previous) => previous,
  });
}
