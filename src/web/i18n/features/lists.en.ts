import type { Messages } from "../types.js";
import type { listsEs } from "./lists.es.js";

export const listsEn: Messages<typeof listsEs> = {
  pager: {
    label: "Pages of {{list}}",
    first: "First page",
    prev: "Previous",
    next: "Next",
    last: "Last page",
    pageSize: "Rows per page",
  },
  totals: {
    loading: "Counting…",
    error: "The totals could not be counted.",
    total: "Total",
    due: "due",
    amount: "Amount",
  },
  count: {
    invoices_one: "{{count}} invoice",
    invoices_other: "{{count}} invoices",
    quotes_one: "{{count}} quote",
    quotes_other: "{{count}} quotes",
    salesOrders_one: "{{count}} sales order",
    salesOrders_other: "{{count}} sales orders",
    payments_one: "{{count}} payment",
    payments_other: "{{count}} payments",
    customers_one: "{{count}} customer",
    customers_other: "{{count}} customers",
    rows_one: "{{count}} row",
    rows_other: "{{count}} rows",
  },
  empty: {
    filtered: "Filters hide the rows of this list.",
    clear: "Clear filters",
    pastEnd: "This page has no rows any more",
    first: "Go to the first page",
  },
  filters: {
    from: "From",
    to: "To",
    currency: "Currency",
    overdue: "Overdue only",
    noCustomers: "No customer matches",
    archive: {
      label: "Customers",
      live: "Active",
      true: "Archived",
      all: "Active and archived",
    },
  },
  sort: {
    label: "Sort by",
    asc: "{{column}}, ascending",
    desc: "{{column}}, descending",
  },
};
