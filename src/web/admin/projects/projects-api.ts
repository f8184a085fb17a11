import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  InvoiceTimeBody,
  ProjectBody,
  ProjectDetail,
  ProjectTaskBody,
  ProjectUpdateBody,
  TimeEntryBody,
  TimerStartBody,
} from "../../../shared/contracts/projects.js";
import { projectListQuery } from "../../../shared/contracts/projects.js";
import { api } from "../../ui/api-client.js";
import type { ListConfig } from "../../ui/lists/list-view.js";
import { type ListViewState, useListView, usePagedList } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";

export type EntryFilters = { billing?: "all" | "unbilled" | "billed" };

/** The project list's orders and filters as its API names them (issue 19, decision 058). */
export const PROJECT_LIST: ListConfig<"name" | "customer" | "created", "customerId" | "status"> = {
  sorts: ["name", "customer", "created"],
  defaultSort: "name",
  defaultDir: "asc",
  firstDir: { created: "desc" },
  filters: ["customerId", "status"],
};

export const useProjectList = () => useListView(PROJECT_LIST, projectListQuery);

export const useProjectPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.projects.list,
    totalsKey: queryKeys.projects.totals,
    readPage: (query, signal) => api.get("/api/projects", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/projects/totals", { query: filters, signal }),
  });

export const useProject = (id: string) =>
  useQuery({
    queryKey: queryKeys.projects.detail(id),
    queryFn: ({ signal }) => api.get("/api/projects/:id", { params: { id }, signal }),
  });

export const useProjectEntries = (id: string, filters: EntryFilters) =>
  useQuery({
    queryKey: queryKeys.projects.entries(id, filters),
    queryFn: ({ signal }) =>
      api.get("/api/projects/:id/time-entries", { params: { id }, query: filters, signal }),
  });

export const useRunningTimer = () =>
  useQuery({
    queryKey: queryKeys.projects.timer,
    queryFn: ({ signal }) => api.get("/api/timer", { signal }),
  });

/** Anything about time changes the project's totals, its entries, the lists and the timer: refresh them all. */
function useTimeMutation<V, R>(mutationFn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const project = result as Partial<ProjectDetail> | undefined;
      if (project && typeof project === "object" && "tasks" in project && project.id)
        client.setQueryData(queryKeys.projects.detail(project.id), project);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.projects.all }),
        client.invalidateQueries({ queryKey: ["project"] }),
        client.invalidateQueries({ queryKey: queryKeys.projects.timer }),
      ]);
    },
  });
}

export const useCreateProject = () =>
  useTimeMutation((body: ProjectBody) => api.post("/api/projects", { body }));
export const useUpdateProject = (id: string) =>
  useTimeMutation((body: ProjectUpdateBody) => api.put("/api/projects/:id", { params: { id }, body }));
export const useDeleteProject = (id: string) =>
  useTimeMutation(() => api.delete("/api/projects/:id", { params: { id } }));

export const useAddTask = (id: string) =>
  useTimeMutation((body: ProjectTaskBody) => api.post("/api/projects/:id/tasks", { params: { id }, body }));
export const useUpdateTask = (id: string) =>
  useTimeMutation(({ taskId, body }: { taskId: string; body: ProjectTaskBody }) =>
    api.put("/api/projects/:id/tasks/:taskId", { params: { id, taskId }, body }),
  );
export const useDeleteTask = (id: string) =>
  useTimeMutation((taskId: string) =>
    api.delete("/api/projects/:id/tasks/:taskId", { params: { id, taskId } }),
  );

export const useSaveEntry = () =>
  useTimeMutation(({ id, body }: { id?: string; body: TimeEntryBody }) =>
    id ? api.put("/api/time-entries/:id", { params: { id }, body }) : api.post("/api/time-entries", { body }),
  );
export const useDeleteEntry = () =>
  useTimeMutation((id: string) => api.delete("/api/time-entries/:id", { params: { id } }));

export const useStartTimer = () =>
  useTimeMutation((body: TimerStartBody) => api.post("/api/timer/start", { body }));
export const useStopTimer = () => useTimeMutation(() => api.post("/api/timer/stop"));

export function useInvoiceTime(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceTimeBody) => api.post("/api/projects/:id/invoice", { params: { id }, body }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.projects.all }),
        client.invalidateQueries({ queryKey: ["project"] }),
        client.invalidateQueries({ queryKey: queryKeys.invoices.all }),
      ]),
  });
}
