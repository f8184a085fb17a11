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
  documentActivity: (documentType: ActivityDocumentType, documentId: string) =>
    ["portal-activity", documentType, documentId] as const,
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
export type ActivityDocumentType = "invoice" | "quote" | "sales_order";
export type ActivityScope =
  | { customerId: string }
  | { documentType: ActivityDocumentType; documentId: string };
const DOCUMENT_PATHS: Record<ActivityDocumentType, string> = {
  invoice: "invoices",
  quote: "quotes",
  sales_order: "sales-orders",
};

export function useActivity(scope: ActivityScope) {
  const path =
    "customerId" in scope
      ? `/api/customers/${scope.customerId}/activity`
      : `/api/${DOCUMENT_PATHS[scope.documentType]}/${scope.documentId}/activity`;
  return useInfiniteQuery({
    queryKey:
      "customerId" in scope
        ? portalAccessKeys.customerActivity(scope.customerId)
        : portalAccessKeys.documentActivity(scope.documentType, scope.documentId),
    queryFn: ({ pageParam, signal }) =>
      api.get<ActivityPage>(`${path}${queryString({ before: pageParam })}`, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
