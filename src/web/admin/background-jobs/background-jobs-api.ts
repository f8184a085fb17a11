import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post("/api/background-jobs/:id/retry", { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.backgroundJobs }),
  });
}
