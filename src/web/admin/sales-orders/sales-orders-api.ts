import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  InvoiceSalesOrderBody,
  IssueDateBody,
  SalesOrderDetail,
  SalesOrderDraftBody,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { staffDocuments } from "../../ui/documents/document-client.js";
import { invoiceKeys, salesOrderKeys } from "../../ui/documents/document-keys.js";
import type { SendResult, SendVariables } from "../invoices/invoices-api.js";
import { queryKeys } from "../query-keys.js";

export type SalesOrderFilters = {
  status?: string;
  q?: string;
  customerId?: string;
};

export const useSalesOrders = (filters: SalesOrderFilters) => staffDocuments.useList("sales_order", filters);

export const useSalesOrder = (id: string) => staffDocuments.useOne("sales_order", id);

/** Every mutation answers the fresh order (or holds it): cache it and refresh the lists. */
function useOrderMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  pick: (result: TResult) => SalesOrderDetail | null,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const order = pick(result);
      if (order) client.setQueryData(salesOrderKeys.detail(order.id), order);
      return Promise.all([
        client.invalidateQueries({ queryKey: salesOrderKeys.all }),
        client.invalidateQueries({ queryKey: invoiceKeys.all }),
        client.invalidateQueries({ queryKey: queryKeys.outbox }),
      ]);
    },
  });
}

const same = (o: SalesOrderDetail) => o;

export const useCreateSalesOrder = () =>
  useOrderMutation(
    (body: SalesOrderDraftBody) => api.post<SalesOrderDetail>("/api/sales-orders", body),
    same,
  );

export const useUpdateSalesOrder = (id: string) =>
  useOrderMutation(
    (body: SalesOrderDraftBody) => api.put<SalesOrderDetail>(`/api/sales-orders/${id}`, body),
    same,
  );

export const useConfirmSalesOrder = (id: string) =>
  useOrderMutation(
    (dates: IssueDateBody | undefined) =>
      api.post<SalesOrderDetail>(`/api/sales-orders/${id}/confirm`, dates ?? {}),
    same,
  );

export const useVoidSalesOrder = (id: string) =>
  useOrderMutation(() => api.post<SalesOrderDetail>(`/api/sales-orders/${id}/void`), same);

export const useInvoiceSalesOrder = (id: string) =>
  useOrderMutation(
    (body: InvoiceSalesOrderBody) =>
      api.post<{ invoiceId: string; salesOrder: SalesOrderDetail }>(`/api/sales-orders/${id}/invoice`, body),
    (r) => r.salesOrder,
  );

export const useSendSalesOrder = (id: string) =>
  useOrderMutation(
    ({ contactIds }: SendVariables) =>
      api.post<SendResult & { salesOrder: SalesOrderDetail }>(`/api/sales-orders/${id}/send`, { contactIds }),
    (r) => r.salesOrder,
  );
