import { useQuery } from "@tanstack/react-query";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useEmail(id: string) {
  return useQuery({
    queryKey: queryKeys.outbox.email(id),
    queryFn: ({ signal }) => api.get("/api/outbox/:id", { params: { id }, signal }),
  });
}
