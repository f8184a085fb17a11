import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UpdateMyDetailsBody } from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal } from "../slug.js";

export function useMyDetails() {
  return useQuery({
    queryKey: queryKeys.myDetails,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/me/details", { signal }),
  });
}

export function useUpdateMyDetails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMyDetailsBody) => portal.put("/api/portal/:slug/me/details", { body }),
    onSuccess: (details) => {
      client.setQueryData(queryKeys.myDetails, details);
      // The header shows the contact's name and the app follows its language.
      return client.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

/** E12: the contact's saved payment methods. */
export function useSavedMethods() {
  return useQuery({
    queryKey: queryKeys.savedMethods,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/me/payment-methods", { signal }),
  });
}

export function useSavedMethodAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "default" | "remove" }) =>
      action === "default"
        ? portal.put("/api/portal/:slug/me/payment-methods/:id/default", { params: { id } })
        : portal.delete("/api/portal/:slug/me/payment-methods/:id", { params: { id } }),
    onSuccess: (list) => client.setQueryData(queryKeys.savedMethods, list),
  });
}
