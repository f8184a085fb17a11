import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  InvoiceSalesOrderBody,
  IssueDateBody,
  SalesOrderDetail,
  SalesOrderDraftBody,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { staffDocuments } from "../../ui/documents/document-client.js";
import { queryKeys } from "../../ui/query-keys.js";
import type { SendVariables } from "../invoices/invoices-api.js";

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
      if (order) client.setQueryData(queryKeys.salesOrders.detail(order.id), order);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.salesOrders.all }),
        client.invalidateQueries({ queryKey: queryKeys.invoices.all }),
        client.invalidateQueries({ queryKey: queryKeys.outbox.all }),
      ]);
    },
  });
}

const same = (o: SalesOrderDetail) => o;

export const useCreateSalesOrder = () =>
  useOrderMutation((body: SalesOrderDraftBody) => api.post("/api/sales-orders", { body }), same);

export const useUpdateSalesOrder = (id: string) =>
  useOrderMutation(
    (body: SalesOrderDraftBody) => api.put("/api/sales-orders/:id", { params: { id }, body }),
    same,
  );

export const useConfirmSalesOrder = (id: string) =>
  useOrderMutation(
    (dates: IssueDateBody | undefined) =>
      api.post("/api/sales-orders/:id/confirm", { params: { id }, body: dates ?? {} }),
    same,
  );

export const useVoidSalesOrder = (id: string) =>
  useOrderMutation(() => api.post("/api/sales-orders/:id/void", { params: { id } }), same);

export const useInvoiceSalesOrder = (id: string) =>
  useOrderMutation(
    (body: InvoiceSalesOrderBody) => api.post("/api/sales-orders/:id/invoice", { params: { id }, body }),
    (r) => r.salesOrder,
  );

export const useSendSalesOrder = (id: string) =>
  useOrderMutation(
    ({ contactIds }: SendVariables) =>
      api.post("/api/sales-orders/:id/send", { params: { id }, body: { contactIds } }),
    (r) => r.salesOrder,
  );
