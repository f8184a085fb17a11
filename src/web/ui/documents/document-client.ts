import { useQuery } from "@tanstack/react-query";
import { type ApiClient, api } from "../api-client.js";
import { type DocumentType, queryKeys } from "../query-keys.js";

export type DocumentFilters = Record<string, string | undefined>;

/** One kind's two reads; their answer types come from the endpoint table. */
interface KindReads {
  list: (filters: DocumentFilters, signal?: AbortSignal) => Promise<unknown>;
  detail: (id: string, signal?: AbortSignal) => Promise<unknown>;
}
type Reads = Record<DocumentType, KindReads>;

type Listed<R extends Reads, T extends DocumentType> = Awaited<ReturnType<R[T]["list"]>>;
type Detailed<R extends Reads, T extends DocumentType> = Awaited<ReturnType<R[T]["detail"]>>;

/**
 * A kind's reads (the back office's under `/api`, a portal's under `/api/portal/{slug}`), and their query
 * hooks keyed by the factory; a list keeps its previous rows while a new filter loads.
 */
export function documentClient<R extends Reads>(reads: R) {
  const list = <T extends DocumentType>(type: T, filters: DocumentFilters, signal?: AbortSignal) =>
    reads[type].list(filters, signal) as Promise<Listed<R, T>>;
  const detail = <T extends DocumentType>(type: T, id: string, signal?: AbortSignal) =>
    reads[type].detail(id, signal) as Promise<Detailed<R, T>>;
  return {
    list,
    detail,
    useList: <T extends DocumentType>(type: T, filters: DocumentFilters) =>
      useQuery({
        queryKey: queryKeys.document(type).list(filters),
        queryFn: ({ signal }) => list(type, filters, signal),
        placeholderData: (previous) => previous,
      }),
    useOne: <T extends DocumentType>(type: T, id: string, options: { enabled?: boolean } = {}) =>
      useQuery({
        queryKey: queryKeys.document(type).detail(id),
        queryFn: ({ signal }) => detail(type, id, signal),
        enabled: options.enabled ?? true,
      }),
  };
}

/**
 * The back office's reads. Issue 19: a list answers a keyset page (`{ items, page }`); this reads its
 * first page's items (the paged list pages: listsweb).
 */
export const staffDocuments = documentClient({
  invoice: {
    list: async (query, signal) => (await api.get("/api/invoices", { query, signal })).items,
    detail: (id, signal) => api.get("/api/invoices/:id", { params: { id }, signal }),
  },
  quote: {
    list: async (query, signal) => (await api.get("/api/quotes", { query, signal })).items,
    detail: (id, signal) => api.get("/api/quotes/:id", { params: { id }, signal }),
  },
  sales_order: {
    list: async (query, signal) => (await api.get("/api/sales-orders", { query, signal })).items,
    detail: (id, signal) => api.get("/api/sales-orders/:id", { params: { id }, signal }),
  },
});

/** A portal's reads, given its client (its invoice list is paged by keyset and keeps its own hook). */
export const portalDocumentClient = (portal: ApiClient<"slug">) =>
  documentClient({
    invoice: {
      list: (query, signal) => portal.get("/api/portal/:slug/invoices", { query, signal }),
      detail: (id, signal) => portal.get("/api/portal/:slug/invoices/:id", { params: { id }, signal }),
    },
    quote: {
      list: (query, signal) => portal.get("/api/portal/:slug/quotes", { query, signal }),
      detail: (id, signal) => portal.get("/api/portal/:slug/quotes/:id", { params: { id }, signal }),
    },
    sales_order: {
      list: (query, signal) => portal.get("/api/portal/:slug/sales-orders", { query, signal }),
      detail: (id, signal) => portal.get("/api/portal/:slug/sales-orders/:id", { params: { id }, signal }),
    },
  });
