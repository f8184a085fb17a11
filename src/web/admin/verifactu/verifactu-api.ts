import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useVerifactuSettings() {
  return useQuery({
    queryKey: queryKeys.verifactuSettings,
    queryFn: ({ signal }) => api.get("/api/verifactu/settings", { signal }),
  });
}

export function useSetVerifactuEnabled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => api.put("/api/verifactu/settings", { body: { enabled } }),
    onSuccess: (settings) => client.setQueryData(queryKeys.verifactuSettings, settings),
  });
}

/** The newest records (one page: the latest 50). */
export function useVerifactuRecords() {
  return useQuery({
    queryKey: queryKeys.verifactuRecords,
    queryFn: ({ signal }) => api.get("/api/verifactu/records", { signal }),
  });
}

export function useVerifyVerifactuChain() {
  return useMutation({ mutationFn: () => api.post("/api/verifactu/verify") });
}
