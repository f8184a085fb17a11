import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  PortalBranding,
  PortalInvoiceDetail,
  PortalInvoicePage,
  PortalMe,
} from "../../shared/contracts/index.js";
import { api, isApiError, queryString } from "../ui/api-client.js";
import { invoiceKeys } from "../ui/documents/document-keys.js";
import { portalApi } from "./slug.js";

export const portalQueryKeys = {
  branding: ["branding"] as const,
  me: ["me"] as const,
  invoices: invoiceKeys.all,
  invoice: invoiceKeys.detail,
};

export function useBranding() {
  return useQuery({
    queryKey: portalQueryKeys.branding,
    queryFn: ({ signal }) => api.get<PortalBranding>(portalApi(), signal),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in contact, or null without a session. */
export function useContactMe() {
  return useQuery({
    queryKey: portalQueryKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<PortalMe>(portalApi("/me"), signal);
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
    queryKey: [...portalQueryKeys.invoices, filters] as const,
    queryFn: ({ signal, pageParam }) =>
      api.get<PortalInvoicePage>(
        portalApi(`/invoices${queryString({ ...filters, cursor: pageParam })}`),
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function usePortalInvoice(id: string, options: { pollUntilPaid?: boolean } = {}) {
  return useQuery({
    queryKey: portalQueryKeys.invoice(id),
    queryFn: ({ signal }) => api.get<PortalInvoiceDetail>(portalApi(`/invoices/${id}`), signal),
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
      api.post<{ checkoutUrl: string }>(portalApi(`/invoices/${invoiceId}/pay`), { idempotencyKey }),
    onSuccess: ({ checkoutUrl }) => window.location.assign(checkoutUrl),
  });
}

export function usePortalLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>(portalApi("/logout")),
    onSettled: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== "branding" });
      client.setQueryData(portalQueryKeys.me, null);
    },
  });
}
