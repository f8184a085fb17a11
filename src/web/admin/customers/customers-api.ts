import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContactInput, CreateCustomerBody, UpdateContactBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export type UpdateCustomerBody = Omit<CreateCustomerBody, "contacts">;

/** Live customers (pickers, the list); `archived: true` lists the archived ones instead. */
export function useCustomers(q = "", archived = false) {
  return useQuery({
    queryKey: queryKeys.customers.list(q, archived),
    queryFn: ({ signal }) =>
      api
        .get("/api/customers", {
          query: { q, archived: archived ? "true" : undefined, limit: "200" },
          signal,
        })
        // Issue 19: the list answers a keyset page; pickers read its first 200 (the paged list: listsweb).
        .then((page) => page.items),
    placeholderData: (previous) => previous,
  });
}

export function fetchCustomer(id: string, signal?: AbortSignal) {
  return api.get("/api/customers/:id", { params: { id }, signal });
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
    mutationFn: (body: CreateCustomerBody) => api.post("/api/customers", { body }),
    onSuccess: (customer) => {
      client.setQueryData(queryKeys.customer(customer.id), customer);
      return client.invalidateQueries({ queryKey: queryKeys.customers.all });
    },
  });
}

export function useUpdateCustomer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCustomerBody) => api.put("/api/customers/:id", { params: { id }, body }),
    onSuccess: (customer) => {
      client.setQueryData(queryKeys.customer(id), customer);
      return client.invalidateQueries({ queryKey: queryKeys.customers.all });
    },
  });
}

export function useAddContact(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) =>
      api.post("/api/customers/:id/contacts", { params: { id: customerId }, body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.customer(customerId) }),
        client.invalidateQueries({ queryKey: queryKeys.customers.all }),
      ]),
  });
}

/** After a contact changes, the customer, the list's counts and the portal access panel re-read. */
const invalidateContacts = (client: ReturnType<typeof useQueryClient>, customerId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.customer(customerId) }),
    client.invalidateQueries({ queryKey: queryKeys.customers.all }),
    client.invalidateQueries({ queryKey: queryKeys.portalAccess.of(customerId) }),
  ]);

export function useUpdateContact(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, body }: { contactId: string; body: UpdateContactBody }) =>
      api.put("/api/customers/:customerId/contacts/:contactId", { params: { customerId, contactId }, body }),
    onSuccess: () => invalidateContacts(client, customerId),
  });
}

export function useRemoveContact(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      api.delete("/api/customers/:customerId/contacts/:contactId", { params: { customerId, contactId } }),
    onSuccess: () => invalidateContacts(client, customerId),
  });
}

/** Archive (DELETE) or restore a customer; every list, picker and its page re-read. */
export function useArchiveCustomer(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: "archive" | "restore"): Promise<unknown> =>
      action === "archive"
        ? api.delete("/api/customers/:id", { params: { id: customerId } })
        : api.post("/api/customers/:id/restore", { params: { id: customerId } }),
    onSuccess: () => invalidateContacts(client, customerId),
  });
}
