import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { InviteMemberBody, TeamMember } from "../../../shared/contracts/team.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useTeam() {
  return useQuery({ queryKey: queryKeys.team, queryFn: ({ signal }) => api.get("/api/team", { signal }) });
}

/** Every team change re-reads the list, whose rules (owners, last owner) only the server knows. */
function useTeamMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.team }),
  });
}

export const useInviteMember = () =>
  useTeamMutation((body: InviteMemberBody) => api.post("/api/team/invitations", { body }));
export const useRevokeInvitation = () =>
  useTeamMutation((id: string) => api.delete("/api/team/invitations/:id", { params: { id } }));
export const useChangeRole = () =>
  useTeamMutation(({ userId, role }: { userId: string; role: TeamMember["role"] }) =>
    api.put("/api/team/members/:userId/role", { params: { userId }, body: { role } }),
  );
export const useSetDisabled = () =>
  useTeamMutation(({ userId, disabled }: { userId: string; disabled: boolean }) =>
    api.post(disabled ? "/api/team/members/:userId/disable" : "/api/team/members/:userId/enable", {
      params: { userId },
    }),
  );

export function useTeamInvitation(token: string) {
  return useQuery({
    queryKey: ["team-invitation", token],
    queryFn: ({ signal }) => api.get("/api/auth/invitation/:token", { params: { token }, signal }),
    retry: false,
  });
}

export function useAcceptInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; name?: string; password: string; confirm?: string }) =>
      api.post("/api/auth/invitation/accept", { body }),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(queryKeys.me, me);
    },
  });
}
