/**
 * The statuses of invoices and quotes, in lifecycle order, written once (issue 11): the contracts' zod
 * enums, the database column and the web's lists and filters all read these. Free of zod, so the web
 * bundle can import it without pulling the schemas in.
 */

/** Derived from the lifecycle and the ledger, never set by hand; "closed" is a used-up credit note. */
export const INVOICE_STATUSES = [
  "draft",
  "issued",
  "sent",
  "viewed",
  "partially_paid",
  "paid",
  "closed",
  "void",
] as const;

/**
 * What a quote reads as. "expired" is derived (a sent or viewed quote past its expiry date in the
 * organisation's time zone); "superseded" is a revision replaced by a newer sent one (read-only).
 */
export const QUOTE_STATUSES = [
  "draft",
  "sent",
  "viewed",
  "accepted",
  "declined",
  "expired",
  "superseded",
  "invoiced",
] as const;
