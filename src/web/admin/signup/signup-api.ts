import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NewOrganisationBody, SignupBody, StaffMe } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useAuthOptions() {
  return useQuery({
    queryKey: queryKeys.authOptions,
    queryFn: ({ signal }) => api.get("/api/auth/options", { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The live check of a portal address; `slug` is the debounced value, empty when there is nothing to ask. */
export function useSlugCheck(slug: string) {
  return useQuery({
    queryKey: queryKeys.signupSlug(slug),
    queryFn: ({ signal }) => api.get("/api/signup/slug", { query: { slug }, signal }),
    enabled: slug.length > 0,
    staleTime: 30_000,
  });
}

/**
 * Signing up, adding an organisation and switching all start a session in another organisation: the
 * whole cache is dropped so nothing of the previous organisation is shown in the new one.
 */
function useEnterOrganisation<B>(enter: (body: B) => Promise<StaffMe>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: enter,
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(queryKeys.me, me);
    },
  });
}

export const useSignup = () => useEnterOrganisation((body: SignupBody) => api.post("/api/signup", { body }));
export const useAddOrganisation = () =>
  useEnterOrganisation((body: NewOrganisationBody) => api.post("/api/organisations", { body }));
export const useSwitchOrganisation = () =>
  useEnterOrganisation((body: { orgId: string }) => api.post("/api/auth/switch", { body }));

export function useStaffOrganisations() {
  return useQuery({
    queryKey: queryKeys.staffOrganisations,
    queryFn: ({ signal }) => api.get("/api/auth/organisations", { signal }),
  });
}

export function useOnboarding() {
  return useQuery({
    queryKey: queryKeys.onboarding,
    queryFn: ({ signal }) => api.get("/api/onboarding", { signal }),
  });
}
