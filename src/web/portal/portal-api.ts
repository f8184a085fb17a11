import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../ui/api-client.js";
import { queryKeys } from "../ui/query-keys.js";
import { portal } from "./slug.js";

export function useBranding() {
  return useQuery({
    queryKey: queryKeys.branding,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug", { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in contact, or null without a session. */
export function useContactMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await portal.get("/api/portal/:slug/me", { signal });
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** E3 filters as the list page keeps them in the address; empty means the server's default. */
export interface PortalInvoiceFilters {
  q?: string;
  status?: string;
  kind?: string;
  sort?: string;
  dir?: string;
}

/** Keyset pages of the contact's invoices: "Load more" asks for the page after the last cursor. */
export function usePortalInvoices(filters: PortalInvoiceFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.invoices.list(filters),
    queryFn: ({ signal, pageParam }) =>
      portal.get("/api/portal/:slug/invoices", { query: { ...filters, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function usePortalInvoice(id: string, options: { pollUntilPaid?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.invoices.detail(id),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/invoices/:id", { params: { id }, signal }),
    // After a successful checkout the gateway's confirmation may land a moment after the redirect.
    refetchInterval: (query) =>
      options.pollUntilPaid &&
      query.state.data &&
      query.state.data.dueMinor > 0 &&
      query.state.dataUpdateCount < 15
        ? 2000
        : false,
  });
}

export function usePay(invoiceId: string) {
  return useMutation({
    mutationFn: (idempotencyKey: string) =>
      portal.post("/api/portal/:slug/invoices/:id/pay", {
        params: { id: invoiceId },
        body: { idempotencyKey },
      }),
    onSuccess: ({ checkoutUrl }) => window.location.assign(checkoutUrl),
  });
}

export function usePortalLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => portal.post("/api/portal/:slug/logout"),
    onSettled: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.branding[0] });
      client.setQueryData(queryKeys.me, null);
    },
  });
}
