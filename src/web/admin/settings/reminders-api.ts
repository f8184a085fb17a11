import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReminderSettings } from "../../../shared/contracts/reminders.js";
import { api } from "../../ui/api-client.js";
import { queryKeys } from "../../ui/query-keys.js";

export function useReminderSettings() {
  return useQuery({
    queryKey: queryKeys.reminderSettings,
    queryFn: ({ signal }) => api.get("/api/reminder-settings", { signal }),
  });
}

export function useUpdateReminderSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettings) => api.put("/api/reminder-settings", { body }),
    onSuccess: (settings) => client.setQueryData(queryKeys.reminderSettings, settings),
  });
}
