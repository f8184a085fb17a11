import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RecurringProfileBody, RecurringProfileDetail } from "../../../shared/contracts/recurring.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useRecurringProfile(id: string) {
  return useQuery({
    queryKey: queryKeys.recurring.one(id),
    queryFn: ({ signal }) => api.get("/api/recurring-profiles/:id", { params: { id }, signal }),
  });
}

export function useRecurringInvoices(id: string) {
  return useQuery({
    queryKey: queryKeys.recurring.invoices(id),
    queryFn: ({ signal }) => api.get("/api/recurring-profiles/:id/invoices", { params: { id }, signal }),
  });
}

/** Every change answers the fresh profile: cache it and refresh the lists. */
function useProfileMutation<V>(mutationFn: (variables: V) => Promise<RecurringProfileDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (profile) => {
      client.setQueryData(queryKeys.recurring.one(profile.id), profile);
      return client.invalidateQueries({ queryKey: queryKeys.recurring.all });
    },
  });
}

export const useCreateRecurringProfile = () =>
  useProfileMutation((body: RecurringProfileBody) => api.post("/api/recurring-profiles", { body }));

export const useUpdateRecurringProfile = (id: string) =>
  useProfileMutation((body: RecurringProfileBody) =>
    api.put("/api/recurring-profiles/:id", { params: { id }, body }),
  );

export const useProfileAction = (id: string) =>
  useProfileMutation((verb: "pause" | "resume" | "stop") =>
    api.post(`/api/recurring-profiles/:id/${verb}`, { params: { id } }),
  );

export function useDeleteRecurringProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete("/api/recurring-profiles/:id", { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.recurring.all }),
  });
}
