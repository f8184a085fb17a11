import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TimesheetStatus } from "../../../shared/contracts/index.js";
import { queryKeys } from "../../ui/query-keys.js";
import { portal } from "../slug.js";

export function usePortalTimesheets(status: TimesheetStatus | undefined) {
  return useQuery({
    queryKey: queryKeys.timesheets.list({ status }),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/timesheets", { query: { status }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function usePortalTimesheet(id: string) {
  return useQuery({
    queryKey: queryKeys.timesheets.detail(id),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/timesheets/:id", { params: { id }, signal }),
  });
}

/** Approve (with the hash the contact was shown) or reject (with a reason); refreshes lists and home. */
export function useDecideTimesheet(id: string) {
  const client = useQueryClient();
  const onSuccess = (data: Awaited<ReturnType<typeof approve>>) => {
    client.setQueryData(queryKeys.timesheets.detail(id), data);
    void client.invalidateQueries({ queryKey: queryKeys.timesheets.all });
    void client.invalidateQueries({ queryKey: queryKeys.home });
    void client.invalidateQueries({ queryKey: queryKeys.projects.all });
  };
  const approve = (entriesHash: string) =>
    portal.post("/api/portal/:slug/timesheets/:id/approve", { params: { id }, body: { entriesHash } });
  return {
    approve: useMutation({ mutationFn: approve, onSuccess }),
    reject: useMutation({
      mutationFn: (reason: string) =>
        portal.post("/api/portal/:slug/timesheets/:id/reject", { params: { id }, body: { reason } }),
      onSuccess,
    }),
  };
}

export function usePortalProjects() {
  return useQuery({
    queryKey: queryKeys.projects.all,
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/projects", { signal }),
  });
}

export function usePortalProject(id: string) {
  return useQuery({
    queryKey: queryKeys.projects.detail(id),
    queryFn: ({ signal }) => portal.get("/api/portal/:slug/projects/:id", { params: { id }, signal }),
  });
}
