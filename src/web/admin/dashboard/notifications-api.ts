import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

/**
 * The dashboard's notifications, newest first, a keyset page at a time (issue 19): "Load older" follows
 * `page.next`, so nothing past the first page is cut off. Polled like the bell; a poll re-reads every
 * page loaded, so the pages stay one consistent walk.
 */
export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: [...queryKeys.notifications, "pages"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/notifications", { query: pageParam ? { after: pageParam } : {}, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next,
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
