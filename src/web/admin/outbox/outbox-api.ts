import { useQuery } from "@tanstack/react-query";
import type { EmailDetail, EmailSummary } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../query-keys.js";

export function useOutbox() {
  return useQuery({
    queryKey: queryKeys.outbox,
    queryFn: ({ signal }) => api.get<EmailSummary[]>("/api/outbox", signal),
  });
}

export function useEmail(id: string) {
  return useQuery({
    queryKey: queryKeys.email(id),
    queryFn: ({ signal }) => api.get<EmailDetail>(`/api/outbox/${id}`, signal),
  });
}
