import { useMutation, useQuery } from "@tanstack/react-query";
import type { PortalHome, PurchaseHistory } from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";
import { portalApi } from "../slug.js";

export const homeKeys = {
  home: ["home"] as const,
  history: (months: number, currency?: string) => ["purchase-history", months, currency ?? ""] as const,
};

export function usePortalHome() {
  return useQuery({
    queryKey: homeKeys.home,
    queryFn: ({ signal }) => api.get<PortalHome>(portalApi("/home"), signal),
  });
}

/** "YYYY-MM" of a month `offset` months from this one, in the browser's calendar. */
function monthFromNow(offset: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

/** The last `months` months, this one included; the server keeps the organisation's calendar otherwise. */
export function usePurchaseHistory(months: number, currency?: string) {
  return useQuery({
    queryKey: homeKeys.history(months, currency),
    queryFn: ({ signal }) =>
      api.get<PurchaseHistory>(
        portalApi(`/purchase-history${queryString({ from: monthFromNow(1 - months), currency })}`),
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

/** "Pay now" for everything outstanding in one currency (F2): off to the gateway's hosted page. */
export function usePayAll() {
  return useMutation({
    mutationFn: (body: { idempotencyKey: string; currency: string }) =>
      api.post<{ checkoutUrl: string }>(portalApi("/pay-all"), body),
    onSuccess: ({ checkoutUrl }) => window.location.assign(checkoutUrl),
  });
}
