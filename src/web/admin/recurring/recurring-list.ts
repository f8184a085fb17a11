import { recurringListQuery } from "../../../shared/contracts/recurring.js";
import { api } from "../../ui/api-client.js";
import type { ListConfig } from "../../ui/lists/list-view.js";
import { type ListViewState, useListView, usePagedList } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";

/** The recurring profile list's orders and filters as its API names them (issue 19, decision 058). */
export const RECURRING_LIST: ListConfig<
  "next" | "name" | "customer" | "amount",
  "status" | "customerId" | "currency"
> = {
  sorts: ["next", "name", "customer", "amount"],
  defaultSort: "next",
  defaultDir: "asc",
  firstDir: { amount: "desc" },
  filters: ["status", "customerId", "currency"],
};

export const useRecurringList = () => useListView(RECURRING_LIST, recurringListQuery);

export const useRecurringPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.recurring.page,
    totalsKey: queryKeys.recurring.totals,
    readPage: (query, signal) => api.get("/api/recurring-profiles", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/recurring-profiles/totals", { query: filters, signal }),
  });
