import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Appointment,
  AppointmentStatus,
  AvailabilitySettings,
} from "../../../shared/contracts/index.js";
import type { ListPage } from "../../../shared/contracts/list-page.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

/**
 * Every booking of a span of days (a week, so a bounded read) in start order, following the list's
 * pages (issue 19) to the end: the calendar shows the whole week, never a silently cut one.
 */
export function useAppointments(span: { from: string; to: string; status?: AppointmentStatus }) {
  return useQuery({
    queryKey: queryKeys.appointments.list(span),
    queryFn: async ({ signal }) => {
      const items: Appointment[] = [];
      let after: string | null = null;
      do {
        const query: Record<string, string | number> = { ...span, sort: "start", dir: "asc", limit: 200 };
        if (after) query.after = after;
        const answer: ListPage<Appointment> = await api.get("/api/appointments", { query, signal });
        items.push(...answer.items);
        after = answer.page.next;
      } while (after);
      return items;
    },
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
