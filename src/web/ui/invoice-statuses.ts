import type { InvoiceStatus } from "../../shared/contracts/index.js";

/** In lifecycle order; a local list so the web bundle does not pull the zod schemas in. */
export const INVOICE_STATUSES = [
  "draft",
  "issued",
  "sent",
  "viewed",
  "partially_paid",
  "paid",
  "closed",
  "void",
] as const satisfies readonly InvoiceStatus[];

// Fails to compile when the contract gains a status this list lacks.
const _exhaustive: Exclude<InvoiceStatus, (typeof INVOICE_STATUSES)[number]> extends never ? true : never =
  true;
void _exhaustive;
