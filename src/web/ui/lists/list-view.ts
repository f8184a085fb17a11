/**
 * A back-office list's view kept in the address (issue 19): its sort, direction, page size, the cursor of
 * the page on screen and its filters. Pure functions over `URLSearchParams`, so a view can be bookmarked,
 * shared, and walked with back/forward; the hook `useListView` binds them to the router.
 *
 * Defaults are left out of the address (a plain `/invoices` is the first page, newest first). Changing a
 * filter, the sort or the page size drops the cursor: a cursor only means something in the order and the
 * set it came from (the server refuses a cursor of another sort with LIST_CURSOR_INVALID).
 */

export type SortDir = "asc" | "desc";

/** The page on screen: the first, the one after or before a cursor, or the last of the order. */
export type ListCursor = { after: string } | { before: string } | { last: true } | Record<string, never>;

/** The page sizes offered; a bookmarked address may carry another one within the API's bounds. */
export const PAGE_SIZES = [10, 25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const CURSOR_KEYS = ["after", "before", "last"] as const;

export interface ListConfig<S extends string = string, F extends string = string> {
  /** The sort keys the list's API accepts. */
  sorts: readonly S[];
  defaultSort: S;
  defaultDir: SortDir;
  /** The direction a column starts with when first chosen (dates and amounts newest/largest first). */
  firstDir?: Partial<Record<S, SortDir>>;
  /** The filters' names in the address, as the API names them. */
  filters: readonly F[];
}

export interface ListView<S extends string = string, F extends string = string> {
  sort: S;
  dir: SortDir;
  limit: number;
  cursor: ListCursor;
  /** Each filter's raw value from the address ("" for none). */
  filters: Record<F, string>;
}

function pageSize(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE ? n : DEFAULT_PAGE_SIZE;
}

export function readListView<S extends string, F extends string>(
  params: URLSearchParams,
  config: ListConfig<S, F>,
): ListView<S, F> {
  const rawSort = params.get("sort") ?? "";
  const sort = (config.sorts as readonly string[]).includes(rawSort) ? (rawSort as S) : config.defaultSort;
  const rawDir = params.get("dir");
  const dir: SortDir = rawDir === "asc" || rawDir === "desc" ? rawDir : defaultDirOf(config, sort);
  const after = params.get("after");
  const before = params.get("before");
  const cursor: ListCursor = after
    ? { after }
    : before
      ? { before }
      : params.get("last") === "true"
        ? { last: true }
        : {};
  const filters = {} as Record<F, string>;
  for (const key of config.filters) filters[key] = params.get(key) ?? "";
  return { sort, dir, limit: pageSize(params.get("limit")), cursor, filters };
}

function defaultDirOf<S extends string>(config: ListConfig<S>, sort: S): SortDir {
  return sort === config.defaultSort ? config.defaultDir : (config.firstDir?.[sort] ?? "asc");
}

/** The page request: sort, direction, size and cursor (filters come validated from the contract). */
export function pageQuery(view: ListView): Record<string, string> {
  const query: Record<string, string> = { sort: view.sort, dir: view.dir, limit: String(view.limit) };
  if ("after" in view.cursor) query.after = view.cursor.after;
  else if ("before" in view.cursor) query.before = view.cursor.before;
  else if ("last" in view.cursor) query.last = "true";
  return query;
}

function withoutCursor(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of CURSOR_KEYS) next.delete(key);
  return next;
}

/** One filter set (or cleared with ""), back to the first page. */
export function withFilter(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = withoutCursor(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

/** Every filter of the list cleared (sort and page size stay), back to the first page. */
export function withoutFilters(params: URLSearchParams, keys: readonly string[]): URLSearchParams {
  const next = withoutCursor(params);
  for (const key of keys) next.delete(key);
  return next;
}

/**
 * A column header chosen: the same column flips its direction, another starts in its first direction.
 * Back to the first page; the default order leaves the address.
 */
export function withSort<S extends string>(
  params: URLSearchParams,
  config: ListConfig<S>,
  current: { sort: S; dir: SortDir },
  sort: S,
): URLSearchParams {
  const dir: SortDir =
    current.sort === sort ? (current.dir === "asc" ? "desc" : "asc") : defaultDirOf(config, sort);
  return withSortDir(params, config, sort, dir);
}

/** An order chosen outright (the phone's sort menu), back to the first page. */
export function withSortDir<S extends string>(
  params: URLSearchParams,
  config: ListConfig<S>,
  sort: S,
  dir: SortDir,
): URLSearchParams {
  const next = withoutCursor(params);
  if (sort === config.defaultSort && dir === config.defaultDir) {
    next.delete("sort");
    next.delete("dir");
  } else {
    next.set("sort", sort);
    next.set("dir", dir);
  }
  return next;
}

export function withPageSize(params: URLSearchParams, limit: number): URLSearchParams {
  const next = withoutCursor(params);
  if (limit === DEFAULT_PAGE_SIZE) next.delete("limit");
  else next.set("limit", String(limit));
  return next;
}

export type PageTarget = "first" | "last" | { after: string } | { before: string };

export function withPage(params: URLSearchParams, target: PageTarget): URLSearchParams {
  const next = withoutCursor(params);
  if (target === "last") next.set("last", "true");
  else if (target !== "first") {
    if ("after" in target) next.set("after", target.after);
    else next.set("before", target.before);
  }
  return next;
}

/** Whether the page on screen is not the first of the order (an empty page there offers the first). */
export function isPaged(view: ListView): boolean {
  return Object.keys(view.cursor).length > 0;
}

/** Whether any filter is set: an empty list then says that filters hide rows and offers to clear them. */
export function hasFilters(view: ListView): boolean {
  return Object.values<string>(view.filters).some(Boolean);
}

/** What an export of the view asks for: its filters and order, never its paging (issue 19, decision 059). */
export function exportQuery(view: ListView): Record<string, string> {
  return { ...view.filters, sort: view.sort, dir: view.dir };
}
