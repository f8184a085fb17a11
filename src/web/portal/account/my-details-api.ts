import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MyDetails, UpdateMyDetailsBody } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { portalQueryKeys } from "../portal-api.js";
import { portalApi } from "../slug.js";

const myDetailsKey = ["my-details"] as const;

export function useMyDetails() {
  return useQuery({
    queryKey: myDetailsKey,
    queryFn: ({ signal }) => api.get<MyDetails>(portalApi("/me/details"), signal),
  });
}

export function useUpdateMyDetails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMyDetailsBody) => api.put<MyDetails>(portalApi("/me/details"), body),
    onSuccess: (details) => {
      client.setQueryData(myDetailsKey, details);
      // The header shows the contact's name and the app follows its language.
      return client.invalidateQueries({ queryKey: portalQueryKeys.me });
    },
  });
}
