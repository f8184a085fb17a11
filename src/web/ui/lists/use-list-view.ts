import { useDebouncedValue } from "@mantine/hooks";
import { type QueryKey, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import type { ListPage, ListTotals } from "../../../shared/contracts/list-page.js";
import { parseListFilters } from "../documents/list-params.js";
import {
  hasFilters,
  isPaged,
  type ListConfig,
  type ListView,
  type PageTarget,
  pageQuery,
  readListView,
  type SortDir,
  withFilter,
  withoutFilters,
  withPage,
  withPageSize,
  withSort,
  withSortDir,
} from "./list-view.js";

/**
 * A paged list's view bound to the address: what it shows (`view`), the filters the API gets (validated
 * field by field with the list contract's schema, the search debounced), and the changes a user makes.
 * Sorting, paging and choosing a filter push a history entry (back returns to the previous view); typing
 * in the search box replaces it, so back does not replay every keystroke.
 */
export interface ListViewState<S extends string = string, F extends string = string> {
  config: ListConfig<S, F>;
  view: ListView<S, F>;
  /** The search box's text as typed (the API gets it debounced). */
  search: string;
  /** The validated filters: the totals' query (and the export's), and the page's with `pageQuery`. */
  filters: Record<string, unknown>;
  pageQuery: Record<string, unknown>;
  isFiltered: boolean;
  isPaged: boolean;
  // Methods (not arrow properties): a page's list of its own keys is then a `ListViewState` of strings.
  setFilter(key: F, value: string): void;
  clearFilters(): void;
  setSort(sort: S): void;
  setSortDir(sort: S, dir: SortDir): void;
  setPageSize(limit: number): void;
  goTo(target: PageTarget): void;
}

export function useListView<S extends string, F extends string>(
  config: ListConfig<S, F>,
  schema: z.ZodObject,
): ListViewState<S, F> {
  const [params, setParams] = useSearchParams();
  const view = readListView(params, config);
  const search = (view.filters as Record<string, string>).q ?? "";
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters = parseListFilters(schema, { ...view.filters, q }) as Record<string, unknown>;
  const update = (change: (prev: URLSearchParams) => URLSearchParams, replace = false) =>
    setParams(change, { replace });
  return {
    config,
    view,
    search,
    filters,
    pageQuery: { ...filters, ...pageQuery(view) },
    isFiltered: hasFilters(view),
    isPaged: isPaged(view),
    setFilter: (key, value) => update((prev) => withFilter(prev, key, value), key === "q"),
    clearFilters: () => update((prev) => withoutFilters(prev, config.filters)),
    setSort: (sort) => update((prev) => withSort(prev, config, view, sort)),
    setSortDir: (sort, dir) => update((prev) => withSortDir(prev, config, sort, dir)),
    setPageSize: (limit) => update((prev) => withPageSize(prev, limit)),
    goTo: (target) => update((prev) => withPage(prev, target)),
  };
}

/**
 * A list's page and the totals of its whole filtered set, two queries: the page changes with every click
 * of the pager while the totals, keyed by the filters only, are read once per filter. Both keep their
 * previous answer while the next one loads, so the table does not blink between pages.
 */
export function usePagedList<T>({
  list,
  pageKey,
  totalsKey,
  readPage,
  readTotals,
}: {
  list: ListViewState;
  pageKey: (query: object) => QueryKey;
  totalsKey: (filters: object) => QueryKey;
  readPage: (query: Record<string, unknown>, signal: AbortSignal) => Promise<ListPage<T>>;
  readTotals: (filters: Record<string, unknown>, signal: AbortSignal) => Promise<ListTotals>;
}) {
  const page = useQuery({
    queryKey: pageKey(list.pageQuery),
    queryFn: ({ signal }) => readPage(list.pageQuery, signal),
    placeholderData: (previous) => previous,
  });
  const totals = useQuery({
    queryKey: totalsKey(list.filters),
    queryFn: ({ signal }) => readTotals(list.filters, signal),
    placeholderData: (previous) => previous,
  });
  return { page, totals };
}
