import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AvailabilitySettings } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useAppointments(span: { from: string; to: string }) {
  return useQuery({
    queryKey: queryKeys.appointments.list(span),
    queryFn: ({ signal }) => api.get("/api/appointments", { query: span, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useCancelAppointment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post("/api/appointments/:id/cancel", { params: { id }, body: { reason } }),
    onSettled: () => void client.invalidateQueries({ queryKey: queryKeys.appointments.all }),
  });
}

export function useAvailability() {
  return useQuery({
    queryKey: queryKeys.appointments.settings,
    queryFn: ({ signal }) => api.get("/api/appointment-settings", { signal }),
  });
}

export function useUpdateAvailability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AvailabilitySettings) => api.put("/api/appointment-settings", { body }),
    onSuccess: (settings) => client.setQueryData(queryKeys.appointments.settings, settings),
  });
}
