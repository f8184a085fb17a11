import { jobListQuery } from "../../../shared/contracts/background-jobs.js";
import { outboxListQuery } from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import type { ListConfig } from "../../ui/lists/list-view.js";
import { type ListViewState, useListView, usePagedList } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";

/*
 * The outbox and the failed jobs as paged lists (issue 19, decision 066), beside `staff-lists.ts`: their
 * order and filters as the API names them. Their keys start with each list's own key, so what
 * invalidates the list (a retry, a sent email) refreshes its pages and count.
 */

export const OUTBOX_LIST: ListConfig<"created", "status" | "q"> = {
  sorts: ["created"],
  defaultSort: "created",
  defaultDir: "desc",
  filters: ["status", "q"],
};

export const JOB_LIST: ListConfig<"created", "state" | "kind"> = {
  sorts: ["created"],
  defaultSort: "created",
  defaultDir: "desc",
  filters: ["state", "kind"],
};

export const useOutboxList = () => useListView(OUTBOX_LIST, outboxListQuery);
export const useJobList = () => useListView(JOB_LIST, jobListQuery);

export const useOutboxPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: (query) => [...queryKeys.outbox.all, "page", query],
    totalsKey: (filters) => [...queryKeys.outbox.all, "totals", filters],
    readPage: (query, signal) => api.get("/api/outbox", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/outbox/totals", { query: filters, signal }),
  });

export const useJobPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: (query) => [...queryKeys.backgroundJobs, "page", query],
    totalsKey: (filters) => [...queryKeys.backgroundJobs, "totals", filters],
    readPage: (query, signal) => api.get("/api/background-jobs", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/background-jobs/totals", { query: filters, signal }),
  });
