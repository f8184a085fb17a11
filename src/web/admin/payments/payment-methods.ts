import type { PaymentMethod } from "../../../shared/contracts/index.js";

/** What staff may record by hand (a gateway records its own payments); local to keep zod out of the bundle. */
export const OFFLINE_METHODS = [
  "transfer",
  "cash",
  "cheque",
  "card_terminal",
  "other",
] as const satisfies readonly Exclude<PaymentMethod, "gateway">[];
export type OfflineMethod = (typeof OFFLINE_METHODS)[number];
