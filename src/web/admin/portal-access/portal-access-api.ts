import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ActivityPage,
  BulkInviteReport,
  ContactPortalAccess,
  EnablePortalAccessBody,
  PortalAccessChanged,
  PreviewResult,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";

/** Keys of this feature (kept here so the shared query-keys file stays untouched). */
export const portalAccessKeys = {
  access: (customerId: string) => ["portal-access", customerId] as const,
  customerActivity: (customerId: string) => ["portal-activity", "customer", customerId] as const,
  invoiceActivity: (invoiceId: string) => ["portal-activity", "invoice", invoiceId] as const,
};

export function usePortalAccess(customerId: string) {
  return useQuery({
    queryKey: portalAccessKeys.access(customerId),
    queryFn: ({ signal }) =>
      api.get<ContactPortalAccess[]>(`/api/customers/${customerId}/portal-access`, signal),
  });
}

type AccessAction =
  | { kind: "enable"; contactId: string; body: EnablePortalAccessBody }
  | { kind: "reinvite"; contactId: string }
  | { kind: "disable"; contactId: string }
  | { kind: "disableAll" };

/** Every change answers the customer's new access list, which replaces the cached one. */
export function usePortalAccessAction(customerId: string) {
  const client = useQueryClient();
  const base = `/api/customers/${customerId}`;
  return useMutation({
    mutationFn: (action: AccessAction): Promise<PortalAccessChanged> => {
      switch (action.kind) {
        case "enable":
          return api.post(`${base}/contacts/${action.contactId}/portal-access`, action.body);
        case "reinvite":
          return api.post(`${base}/contacts/${action.contactId}/portal-access/reinvite`, {});
        case "disable":
          return api.delete(`${base}/contacts/${action.contactId}/portal-access`);
        case "disableAll":
          return api.delete(`${base}/portal-access`);
      }
    },
    onSuccess: (changed) => {
      client.setQueryData(portalAccessKeys.access(customerId), changed.contacts);
      return client.invalidateQueries({ queryKey: ["customer", customerId] });
    },
  });
}

export function usePreview(customerId: string) {
  return useMutation({
    mutationFn: (contactId: string) =>
      api.post<PreviewResult>(`/api/customers/${customerId}/contacts/${contactId}/preview`, {}),
  });
}

export function useBulkInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (customerIds: string[]) =>
      api.post<BulkInviteReport>("/api/portal-access/bulk", { customerIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["portal-access"] }),
  });
}

/** The audit trail, newest first, one page of 50 at a time ("Load more"). */
export function useActivity(scope: { customerId: string } | { invoiceId: string }) {
  const path =
    "customerId" in scope
      ? `/api/customers/${scope.customerId}/activity`
      : `/api/invoices/${scope.invoiceId}/activity`;
  return useInfiniteQuery({
    queryKey:
      "customerId" in scope
        ? portalAccessKeys.customerActivity(scope.customerId)
        : portalAccessKeys.invoiceActivity(scope.invoiceId),
    queryFn: ({ pageParam, signal }) =>
      api.get<ActivityPage>(`${path}${queryString({ before: pageParam })}`, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
