import { useQuery } from "@tanstack/react-query";
import type { PortalSalesOrderDetail, PortalSalesOrderSummary } from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";
import { salesOrderKeys } from "../../ui/documents/document-keys.js";
import { portalApi } from "../slug.js";

export function usePortalSalesOrders(filters: { status?: string; q?: string }) {
  return useQuery({
    queryKey: salesOrderKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<PortalSalesOrderSummary[]>(portalApi(`/sales-orders${queryString({ ...filters })}`), signal),
    placeholderData: (previous) => previous,
  });
}

export function usePortalSalesOrder(id: string) {
  return useQuery({
    queryKey: salesOrderKeys.detail(id),
    queryFn: ({ signal }) => api.get<PortalSalesOrderDetail>(portalApi(`/sales-orders/${id}`), signal),
  });
}
