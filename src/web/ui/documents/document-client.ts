import { useQuery } from "@tanstack/react-query";
import type {
  InvoiceDetail,
  InvoiceSummary,
  PortalInvoiceDetail,
  PortalInvoiceSummary,
  PortalQuoteDetail,
  PortalQuoteSummary,
  PortalSalesOrderDetail,
  PortalSalesOrderSummary,
  QuoteDetail,
  QuoteSummary,
  SalesOrderDetail,
  SalesOrderSummary,
} from "../../../shared/contracts/index.js";
import { api, queryString } from "../api-client.js";
import { type DocumentType, documentKeys } from "./document-keys.js";

/** What the back office's API answers for each kind: the contracts' types, bound once. */
export interface StaffDocuments {
  invoice: { summary: InvoiceSummary; detail: InvoiceDetail };
  quote: { summary: QuoteSummary; detail: QuoteDetail };
  sales_order: { summary: SalesOrderSummary; detail: SalesOrderDetail };
}

/** What the portal's API answers (its invoice list is paged by keyset and keeps its own hook). */
export interface PortalDocuments {
  invoice: { summary: PortalInvoiceSummary; detail: PortalInvoiceDetail };
  quote: { summary: PortalQuoteSummary; detail: PortalQuoteDetail };
  sales_order: { summary: PortalSalesOrderSummary; detail: PortalSalesOrderDetail };
}

type Answers = Record<DocumentType, { summary: unknown; detail: unknown }>;

const PATHS: Record<DocumentType, string> = {
  invoice: "/invoices",
  quote: "/quotes",
  sales_order: "/sales-orders",
};

export type DocumentFilters = Record<string, string | undefined>;

/**
 * A kind's reads under an API root (`/api` in the back office, `/api/portal/{slug}` in a portal), and
 * their query hooks keyed by the factory; a list keeps its previous rows while a new filter loads.
 */
export function documentClient<M extends Answers>(root: (path: string) => string) {
  const list = <T extends DocumentType>(type: T, filters: DocumentFilters, signal?: AbortSignal) =>
    api.get<M[T]["summary"][]>(root(`${PATHS[type]}${queryString(filters)}`), signal);
  const detail = <T extends DocumentType>(type: T, id: string, signal?: AbortSignal) =>
    api.get<M[T]["detail"]>(root(`${PATHS[type]}/${id}`), signal);
  return {
    list,
    detail,
    useList: <T extends DocumentType>(type: T, filters: DocumentFilters) =>
      useQuery({
        queryKey: documentKeys(type).list(filters),
        queryFn: ({ signal }) => list(type, filters, signal),
        placeholderData: (previous) => previous,
      }),
    useOne: <T extends DocumentType>(type: T, id: string, options: { enabled?: boolean } = {}) =>
      useQuery({
        queryKey: documentKeys(type).detail(id),
        queryFn: ({ signal }) => detail(type, id, signal),
        enabled: options.enabled ?? true,
      }),
  };
}

export const staffDocuments = documentClient<StaffDocuments>((path) => `/api${path}`);
