import type { PortalQuoteFilter } from "../../shared/contracts/index.js";

/** In lifecycle order; from the zod-free shared list, so the web bundle does not pull the schemas in. */
export { QUOTE_STATUSES } from "../../shared/contracts/statuses.js";

export const PORTAL_QUOTE_FILTERS = [
  "open",
  "accepted",
  "declined",
  "expired",
  "invoiced",
] as const satisfies readonly PortalQuoteFilter[];

// Fails to compile when the contract gains a filter this list lacks.
const _filters: Exclude<PortalQuoteFilter, (typeof PORTAL_QUOTE_FILTERS)[number]> extends never
  ? true
  : never = true;
void _filters;
