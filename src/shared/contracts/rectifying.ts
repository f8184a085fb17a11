import { z } from "zod";
import { requiredText, uuid } from "./common.js";

/**
 * Spanish rectifying invoices (issue 17 §2, decision 051): what a credit note of a Spanish organisation
 * carries. The types are the VERI*FACTU `TipoFactura` R1–R5; the method its `TipoRectificativa`
 * (I: by difference, S: by substitution).
 */
export const RECTIFICATION_TYPES = ["R1", "R2", "R3", "R4", "R5"] as const;
export const rectificationType = z.enum(RECTIFICATION_TYPES);
export type RectificationType = z.infer<typeof rectificationType>;

export const RECTIFICATION_METHODS = ["difference", "substitution"] as const;
export const rectificationMethod = z.enum(RECTIFICATION_METHODS);
export type RectificationMethod = z.infer<typeof rectificationMethod>;

export const MAX_RECTIFIED_INVOICES = 50;

/**
 * What the credit-note form sends. By difference, the lines are the difference (today's credit notes);
 * by substitution, the lines are the full corrected amounts of the one rectified invoice.
 */
export const rectificationInput = z.object({
  /** Checked by the service, so a missing type is a field error `required` like the reason. */
  type: rectificationType.nullish(),
  method: rectificationMethod.default("difference"),
  reason: requiredText(500),
  /** The invoices it rectifies (issued, same customer); the first is the credit note's corrected invoice. */
  invoiceIds: z.array(uuid).max(MAX_RECTIFIED_INVOICES).default([]),
});
export type RectificationInput = z.input<typeof rectificationInput>;

export const rectifiedInvoice = z.object({
  invoiceId: uuid,
  number: z.string(),
  issueDate: z.string(),
  /** By substitution: the rectified invoice's base and tax (VERI*FACTU BaseRectificada, CuotaRectificada). */
  baseMinor: z.number().int().nullable(),
  taxMinor: z.number().int().nullable(),
});
export type RectifiedInvoice = z.infer<typeof rectifiedInvoice>;

export const rectification = z.object({
  type: rectificationType,
  method: rectificationMethod,
  reason: z.string(),
  rectified: z.array(rectifiedInvoice),
  /**
   * By substitution, the credit note's first lines credit the rectified invoice's lines in full and the
   * rest charge the corrected lines again (negative quantities): its total is the credit. This many
   * lines are the copied ones; the form edits the others, with their quantities negated back.
   */
  copiedLineCount: z.number().int(),
  /** By substitution: the corrected base and tax (the rectified invoice's minus this credit). */
  correctedBaseMinor: z.number().int().nullable(),
  correctedTaxMinor: z.number().int().nullable(),
});
export type Rectification = z.infer<typeof rectification>;
