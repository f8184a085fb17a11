import { useDebouncedValue } from "@mantine/hooks";
import { useSearchParams } from "react-router";
import type { z } from "zod";

type ListParam = "status" | "customerId" | "q" | "kind";

/**
 * A document list's filters read from the address with the list contract's own schema, one field at a
 * time: a bookmarked address with a status that no longer exists loses that filter instead of sending the
 * API a request it refuses. Empty values are no filter.
 */
export function parseListFilters<S extends z.ZodObject>(
  schema: S,
  values: Partial<Record<string, string>>,
): Partial<z.output<S>> {
  const filters: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = values[key];
    if (!raw) continue;
    const parsed = (field as z.ZodType).safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as Partial<z.output<S>>;
}

/**
 * The filters of a document list (status, customer, kind, search) kept in the address, so a filtered list
 * can be bookmarked, shared and survives a reload. `q` is the search debounced for the API.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const customerId = params.get("customerId") ?? "";
  const kind = params.get("kind") ?? "";
  const search = params.get("q") ?? "";
  const [q] = useDebouncedValue(search.trim(), 300);
  const setParam = (key: ListParam, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const values = { status, customerId, kind, q };
  return {
    status,
    customerId,
    kind,
    search,
    q,
    values,
    filtered: Boolean(status || customerId || q),
    setParam,
  };
}

export type ListParams = ReturnType<typeof useListParams>;
