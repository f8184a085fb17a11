import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  PortalChangePasswordBody,
  PortalLoginBody,
  PortalResetBody,
} from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal } from "../slug.js";

/** After a sign-in the portal reloads who is signed in; nothing of an earlier session is kept. */
function useSignedIn() {
  const client = useQueryClient();
  return () => {
    // Keep `me` itself (the layout observes it): removing it would leave that observer showing "signed out".
    client.removeQueries({ predicate: (query) => !["branding", "me"].includes(String(query.queryKey[0])) });
    return client.refetchQueries({ queryKey: queryKeys.me });
  };
}

export function usePortalLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: PortalLoginBody) => portal.post("/api/portal/:slug/login", { body }),
    onSuccess: signedIn,
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => portal.post("/api/portal/:slug/password/forgot", { body: { email } }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: PortalResetBody) => portal.post("/api/portal/:slug/password/reset", { body }),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/invitation/:token", { params: { token }, signal }),
    enabled: token !== "",
    retry: false,
  });
}

export function useAcceptInvitation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: PortalResetBody) => portal.post("/api/portal/:slug/invitation/accept", { body }),
    onSuccess: signedIn,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PortalChangePasswordBody) =>
      portal.post("/api/portal/:slug/password/change", { body }),
  });
}
