import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InvoiceDetail, InvoiceDraftBody, IssueDateBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { staffDocuments } from "../../ui/documents/document-client.js";
import { invoiceKeys } from "../../ui/documents/document-keys.js";
import { queryKeys } from "../query-keys.js";

export type InvoiceFilters = {
  status?: string;
  kind?: string;
  q?: string;
  customerId?: string;
};

export interface SendResult {
  recipients: { contactId: string; email: string }[];
  deliveryMode: "pdf" | "link" | "both";
}

export const useInvoices = (filters: InvoiceFilters) => staffDocuments.useList("invoice", filters);

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
        client.setQueryData(invoiceKeys.detail(detail.id), detail);
      }
      return client.invalidateQueries({ queryKey: invoiceKeys.all });
    },
  });
}

export function useCreateInvoice() {
  return useInvoiceMutation((body: InvoiceDraftBody) => api.post<InvoiceDetail>("/api/invoices", body));
}

export function useUpdateInvoice(id: string) {
  return useInvoiceMutation((body: InvoiceDraftBody) => api.put<InvoiceDetail>(`/api/invoices/${id}`, body));
}

/** Issues with the draft's date; `{ useToday: true }` retries dated today after a date refusal. */
export function useIssueInvoice(id: string) {
  return useInvoiceMutation((body: IssueDateBody | undefined) =>
    api.post<InvoiceDetail>(`/api/invoices/${id}/issue`, body ?? {}),
  );
}

export function useVoidInvoice(id: string) {
  return useInvoiceMutation(() => api.post<InvoiceDetail>(`/api/invoices/${id}/void`));
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
      api.post<SendResult>(`/api/invoices/${id}/send`, { contactIds, ...dates }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: invoiceKeys.detail(id) }),
        client.invalidateQueries({ queryKey: invoiceKeys.all }),
        client.invalidateQueries({ queryKey: queryKeys.outbox }),
      ]),
  });
}
