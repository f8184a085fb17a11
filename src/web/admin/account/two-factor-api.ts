import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

/** Two-factor sign-in (decision 022): whether it is on, and whether the organisation requires it. */
export function useTwoFactorStatus() {
  return useQuery({
    queryKey: queryKeys.twoFactor,
    queryFn: ({ signal }) => api.get("/api/auth/2fa", { signal }),
  });
}

/** Every change re-reads the status; enabling it may also open the rest of the back office. */
function useTwoFactorMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.twoFactor }),
  });
}

export const useTwoFactorSetup = () => useMutation({ mutationFn: () => api.post("/api/auth/2fa/setup") });
export const useTwoFactorEnable = () =>
  useTwoFactorMutation((code: string) => api.post("/api/auth/2fa/enable", { body: { code } }));
export const useTwoFactorDisable = () =>
  useTwoFactorMutation((password: string) => api.post("/api/auth/2fa/disable", { body: { password } }));
export const useRequireTwoFactor = () =>
  useTwoFactorMutation((required: boolean) =>
    api.put("/api/organisation/two-factor", { body: { required } }),
  );
