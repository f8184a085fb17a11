import { z } from "zod";
import { currencyCode, uuid } from "./common.js";

/**
 * "Apply my credit to my oldest invoices" (decision 017). The contact sends the figures its home showed;
 * when the ledger no longer holds them (a second click, another tab, staff meanwhile) nothing is applied
 * and the answer is STALE_STATE.
 */
export const applyCreditBody = z.object({
  currency: currencyCode,
  /** The home's available credit: credits + retainer balance, in this currency. */
  expectedCreditMinor: z.number().int().min(0),
  /** The home's outstanding in this currency. */
  expectedOutstandingMinor: z.number().int().min(0),
});
export type ApplyCreditBody = z.infer<typeof applyCreditBody>;

export const applyCreditResult = z.object({
  currency: z.string(),
  appliedMinor: z.number().int(),
  /** What reached each invoice, oldest due first. */
  invoices: z.array(
    z.object({ invoiceId: uuid, number: z.string().nullable(), amountMinor: z.number().int() }),
  ),
});
export type ApplyCreditResult = z.infer<typeof applyCreditResult>;
