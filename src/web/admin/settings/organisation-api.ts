import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  PortalSettingsBody,
  PortalSettingsResponse,
  UpdateOrganisationBody,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export type { PortalSettingsResponse };

export function useOrganisation() {
  return useQuery({
    queryKey: queryKeys.organisation,
    queryFn: ({ signal }) => api.get("/api/organisation", { signal }),
    staleTime: 60_000,
  });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationBody) => api.put("/api/organisation", { body }),
    onSuccess: (profile) => {
      client.setQueryData(queryKeys.organisation, profile);
      return client.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function useUploadLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.put("/api/organisation/logo", { blob: file }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.organisation }),
  });
}

export function useRemoveLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete("/api/organisation/logo"),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.organisation }),
  });
}

export function usePortalSettings() {
  return useQuery({
    queryKey: queryKeys.portalSettings,
    queryFn: ({ signal }) => api.get("/api/portal-settings", { signal }),
  });
}

export function useUpdatePortalSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalSettingsBody) => api.put("/api/portal-settings", { body }),
    onSuccess: (settings) => {
      client.setQueryData(queryKeys.portalSettings, settings);
      return client.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
