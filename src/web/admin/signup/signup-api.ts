import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AuthOptions,
  NewOrganisationBody,
  OnboardingResponse,
  SignupBody,
  SlugCheckResponse,
  StaffMe,
  StaffOrganisations,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../query-keys.js";

const keys = {
  options: ["auth-options"] as const,
  slug: (slug: string) => ["signup-slug", slug] as const,
  organisations: ["staff-organisations"] as const,
  onboarding: ["onboarding"] as const,
};

export function useAuthOptions() {
  return useQuery({
    queryKey: keys.options,
    queryFn: ({ signal }) => api.get<AuthOptions>("/api/auth/options", signal),
    staleTime: 10 * 60_000,
  });
}

/** The live check of a portal address; `slug` is the debounced value, empty when there is nothing to ask. */
export function useSlugCheck(slug: string) {
  return useQuery({
    queryKey: keys.slug(slug),
    queryFn: ({ signal }) =>
      api.get<SlugCheckResponse>(`/api/signup/slug?slug=${encodeURIComponent(slug)}`, signal),
    enabled: slug.length > 0,
    staleTime: 30_000,
  });
}

/**
 * Signing up, adding an organisation and switching all start a session in another organisation: the
 * whole cache is dropped so nothing of the previous organisation is shown in the new one.
 */
function useEnterOrganisation<B>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<StaffMe>(path, body),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(queryKeys.me, me);
    },
  });
}

export const useSignup = () => useEnterOrganisation<SignupBody>("/api/signup");
export const useAddOrganisation = () => useEnterOrganisation<NewOrganisationBody>("/api/organisations");
export const useSwitchOrganisation = () => useEnterOrganisation<{ orgId: string }>("/api/auth/switch");

export function useStaffOrganisations() {
  return useQuery({
    queryKey: keys.organisations,
    queryFn: ({ signal }) => api.get<StaffOrganisations>("/api/auth/organisations", signal),
  });
}

export function useOnboarding() {
  return useQuery({
    queryKey: keys.onboarding,
    queryFn: ({ signal }) => api.get<OnboardingResponse>("/api/onboarding", signal),
  });
}
