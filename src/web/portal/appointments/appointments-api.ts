import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  BookAppointmentBody,
  CancelAppointmentBody,
  RescheduleAppointmentBody,
} from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal } from "../slug.js";

export function useSlots(span: { from: string; to: string }) {
  return useQuery({
    queryKey: queryKeys.appointments.slots(span),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/appointment-slots", { query: span, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useMyAppointments() {
  return useQuery({
    queryKey: queryKeys.appointments.list({}),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/appointments", { signal }),
  });
}

/** Book, move and cancel; each (and a refusal) refreshes the slots and the list. */
export function useAppointmentActions() {
  const client = useQueryClient();
  const onSettled = () => void client.invalidateQueries({ queryKey: queryKeys.appointments.all });
  return {
    book: useMutation({
      mutationFn: (body: BookAppointmentBody) => portal.post("/api/portal/:slug/appointments", { body }),
      onSettled,
    }),
    reschedule: useMutation({
      mutationFn: ({ id, ...body }: RescheduleAppointmentBody & { id: string }) =>
        portal.post("/api/portal/:slug/appointments/:id/reschedule", { params: { id }, body }),
      onSettled,
    }),
    cancel: useMutation({
      mutationFn: ({ id, ...body }: CancelAppointmentBody & { id: string }) =>
        portal.post("/api/portal/:slug/appointments/:id/cancel", { params: { id }, body }),
      onSettled,
    }),
  };
}
