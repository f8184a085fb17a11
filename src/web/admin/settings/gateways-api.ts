import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { GatewayCredentialsBody } from "../../../shared/contracts/gateways.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

/** Settings → Payments (issue 13): the providers with their masked credentials, and which are enabled. */
export function usePaymentGateways() {
  return useQuery({
    queryKey: queryKeys.paymentGateways,
    queryFn: async ({ signal }) => {
      const [credentials, settings] = await Promise.all([
        api.get("/api/payment-gateways/credentials", { signal }),
        api.get("/api/payment-gateways", { signal }),
      ]);
      return { credentials, enabled: settings.enabled };
    },
  });
}

function useGatewayMutation<V>(run: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.paymentGateways }),
  });
}

export const useSaveGatewayCredentials = () =>
  useGatewayMutation(({ gateway, body }: { gateway: string; body: GatewayCredentialsBody }) =>
    api.put("/api/payment-gateways/:gateway/credentials", { params: { gateway }, body }),
  );
export const useForgetGatewayCredentials = () =>
  useGatewayMutation((gateway: string) =>
    api.delete("/api/payment-gateways/:gateway/credentials", { params: { gateway } }),
  );
export const useTestGateway = () =>
  useMutation({
    mutationFn: (gateway: string) => api.post("/api/payment-gateways/:gateway/test", { params: { gateway } }),
  });
export const useSetEnabledGateways = () =>
  useGatewayMutation((enabled: string[]) => api.put("/api/payment-gateways", { body: { enabled } }));
