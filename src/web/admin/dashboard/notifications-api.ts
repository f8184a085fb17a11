import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export type { NotificationList } from "../../../shared/contracts/answers.js";

/** Polled every 15 s until live updates (G4) arrive. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => api.get("/api/notifications", { signal }),
    refetchInterval: 15_000,
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/api/notifications/read-all"),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
