import type { Messages } from "../types.js";
import type { searchEs } from "./search.es.js";

/** Texts of the header search box (issue 19), under `search`. */
export const searchEn: Messages<typeof searchEs> = {
  open: "Search",
  shortcut: "Press / or Ctrl+K",
  title: "Search the organisation",
  label: "Search customers, contacts and documents",
  placeholder: "Name, number, tax ID or email…",
  results: "Results",
  loading: "Searching…",
  empty: "Nothing matches “{{q}}”.",
  error: "The search failed. Check your connection and try again.",
  retry: "Try again",
  typeToSearch: "Type to search by name, document number, tax ID or email.",
  found_one: "{{count}} result",
  found_other: "{{count}} results",
  keys: "↑ ↓ to move, Enter to open, Esc to close",
  draft: "Draft",
  archived: "Archived",
  kinds: {
    customer: "Customers",
    contact: "Contacts",
    invoice: "Invoices",
    retainer: "Retainer invoices",
    credit_note: "Credit notes",
    quote: "Quotes",
    sales_order: "Sales orders",
  },
};
