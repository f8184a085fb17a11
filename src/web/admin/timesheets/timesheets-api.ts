import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type SubmitTimesheetBody,
  type TimesheetDetail,
  timesheetListQuery,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import type { ListConfig } from "../../ui/lists/list-view.js";
import { type ListViewState, useListView, usePagedList } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";

/** The staff timesheet list's orders and filters as its API names them (issue 19, decision 058). */
export const TIMESHEET_LIST: ListConfig<
  "period" | "status",
  "status" | "customerId" | "projectId" | "from" | "to"
> = {
  sorts: ["period", "status"],
  defaultSort: "period",
  defaultDir: "desc",
  firstDir: { status: "asc" },
  filters: ["status", "customerId", "projectId", "from", "to"],
};

export const useTimesheetList = () => useListView(TIMESHEET_LIST, timesheetListQuery);

export const useTimesheetPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.timesheets.list,
    totalsKey: queryKeys.timesheets.totals,
    readPage: (query, signal) => api.get("/api/timesheets", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/timesheets/totals", { query: filters, signal }),
  });

/** A project's latest timesheets: the first page of the list (issue 19), newest period first. */
export function useProjectTimesheets(projectId: string) {
  return useQuery({
    queryKey: queryKeys.timesheets.list({ projectId }),
    queryFn: ({ signal }) =>
      api.get("/api/timesheets", { query: { projectId, sort: "period", dir: "desc" }, signal }),
    select: (page) => page.items,
  });
}

export function useTimesheet(id: string) {
  return useQuery({
    queryKey: queryKeys.timesheets.detail(id),
    queryFn: ({ signal }) => api.get("/api/timesheets/:id", { params: { id }, signal }),
  });
}

/** Refreshes what a timesheet change shows: its lists, its detail, and the project's entries. */
function useRefresh() {
  const client = useQueryClient();
  return (sheet: TimesheetDetail) => {
    client.setQueryData(queryKeys.timesheets.detail(sheet.id), sheet);
    void client.invalidateQueries({ queryKey: queryKeys.timesheets.all });
    void client.invalidateQueries({ queryKey: queryKeys.projects.all });
  };
}

export function useSubmitTimesheet(projectId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: SubmitTimesheetBody) =>
      api.post("/api/projects/:id/timesheets", { params: { id: projectId }, body }),
    onSuccess: refresh,
  });
}

/** Staff mark a pending timesheet approved or rejected on the customer's behalf. */
export function useStaffDecision(id: string) {
  const refresh = useRefresh();
  return {
    approve: useMutation({
      mutationFn: () => api.post("/api/timesheets/:id/approve", { params: { id } }),
      onSuccess: refresh,
    }),
    reject: useMutation({
      mutationFn: (reason: string) =>
        api.post("/api/timesheets/:id/reject", { params: { id }, body: { reason } }),
      onSuccess: refresh,
    }),
  };
}
