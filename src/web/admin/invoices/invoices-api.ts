import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SendInvoiceResult } from "../../../shared/contracts/answers.js";
import {
  type InvoiceDetail,
  type InvoiceDraftBody,
  type IssueDateBody,
  LIST_LIMIT_MAX,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { staffDocuments } from "../../ui/documents/document-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export type InvoiceFilters = {
  status?: string;
  kind?: string;
  q?: string;
  customerId?: string;
};

export type SendResult = SendInvoiceResult;

/** A customer's invoices for a picker (what a credit note rectifies): one page of the newest 200. */
export const useInvoices = (filters: InvoiceFilters) =>
  staffDocuments.useList("invoice", { ...filters, limit: String(LIST_LIMIT_MAX) });

export const useInvoice = (id: string, options: { enabled?: boolean } = {}) =>
  staffDocuments.useOne("invoice", id, options);

/** Every mutation answers the fresh invoice (or touches it): cache it and refresh the lists. */
function useInvoiceMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const detail = result as Partial<InvoiceDetail>;
      if (detail && typeof detail.id === "string" && Array.isArray(detail.lines)) {
        client.setQueryData(queryKeys.invoices.detail(detail.id), detail);
      }
      return client.invalidateQueries({ queryKey: queryKeys.invoices.all });
    },
  });
}

export function useCreateInvoice() {
  return useInvoiceMutation((body: InvoiceDraftBody) => api.post("/api/invoices", { body }));
}

export function useUpdateInvoice(id: string) {
  return useInvoiceMutation((body: InvoiceDraftBody) =>
    api.put("/api/invoices/:id", { params: { id }, body }),
  );
}

/** Issues with the draft's date; `{ useToday: true }` retries dated today after a date refusal. */
export function useIssueInvoice(id: string) {
  return useInvoiceMutation((body: IssueDateBody | undefined) =>
    api.post("/api/invoices/:id/issue", { params: { id }, body: body ?? {} }),
  );
}

export function useVoidInvoice(id: string) {
  return useInvoiceMutation(() => api.post("/api/invoices/:id/void", { params: { id } }));
}

/** Who gets the document and, for a draft that sending issues, the date to issue it with. */
export interface SendVariables {
  contactIds: string[];
  dates?: IssueDateBody;
}

export function useSendInvoice(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactIds, dates }: SendVariables) =>
      api.post("/api/invoices/:id/send", { params: { id }, body: { contactIds, ...dates } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.invoices.detail(id) }),
        client.invalidateQueries({ queryKey: queryKeys.invoices.all }),
        client.invalidateQueries({ queryKey: queryKeys.outbox.all }),
      ]),
  });
}
