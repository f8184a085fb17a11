import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Contact,
  ContactInput,
  CreateCustomerBody,
  Customer,
  CustomerSummary,
  UpdateContactBody,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../../ui/api-client.js";
import { queryKeys } from "../query-keys.js";

export type UpdateCustomerBody = Omit<CreateCustomerBody, "contacts">;

/** Live customers (pickers, the list); `archived: true` lists the archived ones instead. */
export function useCustomers(q = "", archived = false) {
  return useQuery({
    queryKey: archived ? [...queryKeys.customers(q), "archived"] : queryKeys.customers(q),
    queryFn: ({ signal }) =>
      api.get<CustomerSummary[]>(
        `/api/customers${queryString({ q, archived: archived ? "true" : undefined })}`,
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

export function fetchCustomer(id: string, signal?: AbortSignal) {
  return api.get<Customer>(`/api/customers/${id}`, signal);
}

export function useCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.customer(id ?? ""),
    queryFn: ({ signal }) => fetchCustomer(id ?? "", signal),
    enabled: Boolean(id),
  });
}

export function useCreateCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => api.post<Customer>("/api/customers", body),
    onSuccess: (customer) => {
      client.setQueryData(queryKeys.customer(customer.id), customer);
      return client.invalidateQueries({ queryKey: ["customers"] });
    },
  });
}

export function useUpdateCustomer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCustomerBody) => api.put<Customer>(`/api/customers/${id}`, body),
    onSuccess: (customer) => {
      client.setQueryData(queryKeys.customer(id), customer);
      return client.invalidateQueries({ queryKey: ["customers"] });
    },
  });
}

export function useAddContact(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => api.post<Contact>(`/api/customers/${customerId}/contacts`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.customer(customerId) }),
        client.invalidateQueries({ queryKey: ["customers"] }),
      ]),
  });
}

/** After a contact changes, the customer, the list's counts and the portal access panel re-read. */
const invalidateContacts = (client: ReturnType<typeof useQueryClient>, customerId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.customer(customerId) }),
    client.invalidateQueries({ queryKey: ["customers"] }),
    client.invalidateQueries({ queryKey: ["portal-access", customerId] }),
  ]);

export function useUpdateContact(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, body }: { contactId: string; body: UpdateContactBody }) =>
      api.put<Customer>(`/api/customers/${customerId}/contacts/${contactId}`, body),
    onSuccess: () => invalidateContacts(client, customerId),
  });
}

export function useRemoveContact(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      api.delete<Customer>(`/api/customers/${customerId}/contacts/${contactId}`),
    onSuccess: () => invalidateContacts(client, customerId),
  });
}

/** Archive (DELETE) or restore a customer; every list, picker and its page re-read. */
export function useArchiveCustomer(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "archive" | "restore"): Promise<unknown> =>
      action === "archive"
        ? api.delete<{ ok: true }>(`/api/customers/${customerId}`)
        : api.post<Customer>(`/api/customers/${customerId}/restore`),
    onSuccess: () => invalidateContacts(client, customerId),
  });
}
