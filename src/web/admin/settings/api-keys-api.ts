import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";

const apiKeysKey = ["api-keys"] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: apiKeysKey,
    queryFn: ({ signal }) => api.get<ApiKey[]>("/api/api-keys", signal),
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => api.post<CreatedApiKey>("/api/api-keys", body),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiKey>(`/api/api-keys/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey }),
  });
}
