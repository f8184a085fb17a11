import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EnablePortalAccessBody, PortalAccessChanged } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import type { DocumentSegment } from "../../ui/endpoints.js";
import { queryKeys } from "../../ui/query-keys.js";

export function usePortalAccess(customerId: string) {
  return useQuery({
    queryKey: queryKeys.portalAccess.of(customerId),
    queryFn: ({ signal }) =>
      api.get("/api/customers/:customerId/portal-access", { params: { customerId }, signal }),
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
  return useMutation({
    mutationFn: (action: AccessAction): Promise<PortalAccessChanged> => {
      switch (action.kind) {
        case "enable":
          return api.post("/api/customers/:customerId/contacts/:contactId/portal-access", {
            params: { customerId, contactId: action.contactId },
            body: action.body,
          });
        case "reinvite":
          return api.post("/api/customers/:customerId/contacts/:contactId/portal-access/reinvite", {
            params: { customerId, contactId: action.contactId },
          });
        case "disable":
          return api.delete("/api/customers/:customerId/contacts/:contactId/portal-access", {
            params: { customerId, contactId: action.contactId },
          });
        case "disableAll":
          return api.delete("/api/customers/:customerId/portal-access", { params: { customerId } });
      }
    },
    onSuccess: (changed) => {
      client.setQueryData(queryKeys.portalAccess.of(customerId), changed.contacts);
      return client.invalidateQueries({ queryKey: queryKeys.customer(customerId) });
    },
  });
}

export function usePreview(customerId: string) {
  return useMutation({
    mutationFn: (contactId: string) =>
      api.post("/api/customers/:customerId/contacts/:contactId/preview", {
        params: { customerId, contactId },
      }),
  });
}

export function useBulkInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (customerIds: string[]) => api.post("/api/portal-access/bulk", { body: { customerIds } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.portalAccess.all }),
  });
}

/** The audit trail, newest first, one page of 50 at a time ("Load more"). */
export type ActivityDocumentType = "invoice" | "quote" | "sales_order";
export type ActivityScope =
  | { customerId: string }
  | { documentType: ActivityDocumentType; documentId: string };
const DOCUMENT_PATHS: Record<ActivityDocumentType, DocumentSegment> = {
  invoice: "invoices",
  quote: "quotes",
  sales_order: "sales-orders",
};

export function useActivity(scope: ActivityScope) {
  return useInfiniteQuery({
    queryKey:
      "customerId" in scope
        ? queryKeys.activity.customer(scope.customerId)
        : queryKeys.activity.document(scope.documentType, scope.documentId),
    queryFn: ({ pageParam, signal }) => {
      const query = { before: pageParam };
      return "customerId" in scope
        ? api.get("/api/customers/:customerId/activity", {
            params: { customerId: scope.customerId },
            query,
            signal,
          })
        : api.get(`/api/${DOCUMENT_PATHS[scope.documentType]}/:id/activity`, {
            params: { id: scope.documentId },
            query,
            signal,
          });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
