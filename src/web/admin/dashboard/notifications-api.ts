import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Notification } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../query-keys.js";

export interface NotificationList {
  items: Notification[];
  unread: number;
}

/** Polled every 15 s until live updates (G4) arrive. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => api.get<NotificationList>("/api/notifications", signal),
    refetchInterval: 15_000,
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>("/api/notifications/read-all"),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
