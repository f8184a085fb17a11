import { useMutation, useQuery } from "@tanstack/react-query";
import type { PayAllBody } from "../../../shared/contracts/answers.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal } from "../slug.js";

export function usePortalHome() {
  return useQuery({
    queryKey: queryKeys.home,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/home", { signal }),
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
    queryKey: queryKeys.purchaseHistory(months, currency),
    queryFn: ({ signal }) =>
      portal.get("/api/portal/:slug/purchase-history", {
        query: { from: monthFromNow(1 - months), currency },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** "Pay now" for everything outstanding in one currency (F2): off to the gateway's hosted page. */
export function usePayAll() {
  return useMutation({
    mutationFn: (body: PayAllBody) => portal.post("/api/portal/:slug/pay-all", { body }),
    onSuccess: ({ checkoutUrl }) => window.location.assign(checkoutUrl),
  });
}
