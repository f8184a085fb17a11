import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTaxBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useTaxes() {
  return useQuery({
    queryKey: queryKeys.taxes,
    queryFn: ({ signal }) => api.get("/api/taxes", { signal }),
  });
}

export function useCreateTax() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaxBody) => api.post("/api/taxes", { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.taxes }),
  });
}
