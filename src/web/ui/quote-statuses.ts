import type { PortalQuoteFilter, QuoteStatus } from "../../shared/contracts/index.js";

/** In lifecycle order; a local list so the web bundle does not pull the zod schemas in. */
export const QUOTE_STATUSES = [
  "draft",
  "sent",
  "viewed",
  "accepted",
  "declined",
  "expired",
  "superseded",
  "invoiced",
] as const satisfies readonly QuoteStatus[];

export const PORTAL_QUOTE_FILTERS = [
  "open",
  "accepted",
  "declined",
  "expired",
  "invoiced",
] as const satisfies readonly PortalQuoteFilter[];

// Fail to compile when the contract gains a status or filter these lists lack.
const _statuses: Exclude<QuoteStatus, (typeof QUOTE_STATUSES)[number]> extends never ? true : never = true;
const _filters: Exclude<PortalQuoteFilter, (typeof PORTAL_QUOTE_FILTERS)[number]> extends never
  ? true
  : never = true;
void _statuses;
void _filters;
