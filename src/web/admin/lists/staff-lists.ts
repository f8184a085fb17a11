import {
  customerListQuery,
  invoiceListQuery,
  paymentListQuery,
  quoteListQuery,
  salesOrderListQuery,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import type { ListConfig } from "../../ui/lists/list-view.js";
import { type ListViewState, useListView, usePagedList } from "../../ui/lists/use-list-view.js";
import { queryKeys } from "../../ui/query-keys.js";

/*
 * The back office's paged lists (issue 19, decision 058): each one's orders and filters as its API names
 * them, and its page and totals reads. A page renders `PagedList` with these; nothing here is per page.
 */

const DOCUMENT_FILTERS = ["status", "customerId", "q", "from", "to", "currency"] as const;

export const INVOICE_LIST: ListConfig<
  "date" | "number" | "customer" | "amount" | "due" | "status",
  (typeof DOCUMENT_FILTERS)[number] | "kind" | "overdue"
> = {
  sorts: ["date", "number", "customer", "amount", "due", "status"],
  defaultSort: "date",
  defaultDir: "desc",
  firstDir: { number: "desc", amount: "desc" },
  filters: [...DOCUMENT_FILTERS, "kind", "overdue"],
};

export const QUOTE_LIST: ListConfig<
  "date" | "number" | "customer" | "amount" | "status",
  (typeof DOCUMENT_FILTERS)[number]
> = {
  sorts: ["date", "number", "customer", "amount", "status"],
  defaultSort: "date",
  defaultDir: "desc",
  firstDir: { number: "desc", amount: "desc" },
  filters: DOCUMENT_FILTERS,
};

export const SALES_ORDER_LIST = QUOTE_LIST;

export const PAYMENT_LIST: ListConfig<"date" | "amount", "customerId" | "q" | "from" | "to" | "currency"> = {
  sorts: ["date", "amount"],
  defaultSort: "date",
  defaultDir: "desc",
  firstDir: { amount: "desc" },
  filters: ["customerId", "q", "from", "to", "currency"],
};

export const CUSTOMER_LIST: ListConfig<"name" | "created", "q" | "archived" | "currency"> = {
  sorts: ["name", "created"],
  defaultSort: "name",
  defaultDir: "asc",
  firstDir: { created: "desc" },
  filters: ["q", "archived", "currency"],
};

export const useInvoiceList = () => useListView(INVOICE_LIST, invoiceListQuery);
export const useQuoteList = () => useListView(QUOTE_LIST, quoteListQuery);
export const useSalesOrderList = () => useListView(SALES_ORDER_LIST, salesOrderListQuery);
export const usePaymentList = () => useListView(PAYMENT_LIST, paymentListQuery);
export const useCustomerList = () => useListView(CUSTOMER_LIST, customerListQuery);

export const useInvoicePage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.invoices.list,
    totalsKey: queryKeys.invoices.totals,
    readPage: (query, signal) => api.get("/api/invoices", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/invoices/totals", { query: filters, signal }),
  });

export const useQuotePage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.quotes.list,
    totalsKey: queryKeys.quotes.totals,
    readPage: (query, signal) => api.get("/api/quotes", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/quotes/totals", { query: filters, signal }),
  });

export const useSalesOrderPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.salesOrders.list,
    totalsKey: queryKeys.salesOrders.totals,
    readPage: (query, signal) => api.get("/api/sales-orders", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/sales-orders/totals", { query: filters, signal }),
  });

export const usePaymentPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.payments.list,
    totalsKey: queryKeys.payments.totals,
    readPage: (query, signal) => api.get("/api/payments", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/payments/totals", { query: filters, signal }),
  });

export const useCustomerPage = (list: ListViewState) =>
  usePagedList({
    list,
    pageKey: queryKeys.customers.page,
    totalsKey: queryKeys.customers.totals,
    readPage: (query, signal) => api.get("/api/customers", { query, signal }),
    readTotals: (filters, signal) => api.get("/api/customers/totals", { query: filters, signal }),
  });
