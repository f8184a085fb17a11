import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  PortalChangePasswordBody,
  PortalInvitation,
  PortalLoginBody,
  PortalResetBody,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { portalQueryKeys } from "../portal-api.js";
import { portalApi } from "../slug.js";

type Ok = { ok: true };

/** After a sign-in the portal reloads who is signed in; nothing of an earlier session is kept. */
function useSignedIn() {
  const client = useQueryClient();
  return () => {
    // Keep `me` itself (the layout observes it): removing it would leave that observer showing "signed out".
    client.removeQueries({ predicate: (query) => !["branding", "me"].includes(String(query.queryKey[0])) });
    return client.refetchQueries({ queryKey: portalQueryKeys.me });
  };
}

export function usePortalLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: PortalLoginBody) => api.post<Ok>(portalApi("/login"), body),
    onSuccess: signedIn,
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => api.post<Ok>(portalApi("/password/forgot"), { email }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: PortalResetBody) => api.post<Ok>(portalApi("/password/reset"), body),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) =>
      api.get<PortalInvitation>(portalApi(`/invitation/${encodeURIComponent(token)}`), signal),
    enabled: token !== "",
    retry: false,
  });
}

export function useAcceptInvitation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: PortalResetBody) => api.post<Ok>(portalApi("/invitation/accept"), body),
    onSuccess: signedIn,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PortalChangePasswordBody) => api.post<Ok>(portalApi("/password/change"), body),
  });
}
