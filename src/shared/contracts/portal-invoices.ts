import { z } from "zod";
import { searchQuery, text } from "./common.js";
import { invoiceStatus } from "./invoices.js";
import { invoiceKind } from "./money.js";
import { portalInvoiceSummary } from "./portal.js";

/** A portal invoice list filter: any derived status a contact can see, or "overdue" (read, not stored). */
export const portalInvoiceStatusFilter = z.union([invoiceStatus.exclude(["draft"]), z.literal("overdue")]);
export type PortalInvoiceStatusFilter = z.infer<typeof portalInvoiceStatusFilter>;

export const portalInvoiceSort = z.enum(["date", "due", "amount"]);
export type PortalInvoiceSort = z.infer<typeof portalInvoiceSort>;

/** E3: search, filters, sort and keyset pages of the contact's invoices. */
export const portalInvoiceListQuery = z.object({
  /** Searches the number, the notes and the lines' descriptions. */
  q: searchQuery,
  status: portalInvoiceStatusFilter.optional(),
  /** Omitted: invoices and retainer invoices (credit notes only when asked for). */
  kind: invoiceKind.optional(),
  sort: portalInvoiceSort.default("date"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** `nextCursor` of the previous page, as given; opaque. */
  cursor: text(500).optional(),
});
export type PortalInvoiceListQuery = z.output<typeof portalInvoiceListQuery>;

export const portalInvoicePage = z.object({
  items: z.array(portalInvoiceSummary),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type PortalInvoicePage = z.infer<typeof portalInvoicePage>;
