import { z } from "zod";
import { uuid } from "./common.js";

/** PUT /api/verifactu/settings: turn VERI*FACTU mode on or off (owners and admins). */
export const verifactuSettingsBody = z.object({ enabled: z.boolean() });
export type VerifactuSettingsBody = z.infer<typeof verifactuSettingsBody>;

export const verifactuSettings = z.object({
  enabled: z.boolean(),
  /** The organisation's NIF and country, as its profile has them. */
  taxId: z.string().nullable(),
  country: z.string(),
  /** Whether the mode may be turned on: a Spanish organisation with a well-formed NIF. */
  ready: z.boolean(),
  /** Billing records written so far. */
  records: z.number().int(),
});
export type VerifactuSettings = z.infer<typeof verifactuSettings>;

export const verifactuRecordSummary = z.object({
  id: uuid,
  sequence: z.number().int(),
  kind: z.enum(["alta", "anulacion"]),
  invoiceId: uuid,
  numSerieFactura: z.string(),
  /** YYYY-MM-DD. */
  fechaExpedicionFactura: z.string(),
  tipoFactura: z.string().nullable(),
  cuotaTotal: z.string().nullable(),
  importeTotal: z.string().nullable(),
  fechaHoraHusoGenRegistro: z.string(),
  huellaAnterior: z.string(),
  huella: z.string(),
});
export type VerifactuRecordSummary = z.infer<typeof verifactuRecordSummary>;

export const verifactuRecordsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Records before this sequence number (the next page of a newest-first list). */
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});
export type VerifactuRecordsQuery = z.infer<typeof verifactuRecordsQuery>;

export const verifactuRecordPage = z.object({
  records: z.array(verifactuRecordSummary),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type VerifactuRecordPage = z.infer<typeof verifactuRecordPage>;

/** POST /api/verifactu/verify: every fingerprint recomputed in chain order; the first break, if any. */
export const verifactuVerifyResult = z.object({
  ok: z.boolean(),
  records: z.number().int(),
  firstBreak: z
    .object({
      sequence: z.number().int(),
      invoiceNumber: z.string(),
      /** What the record's fingerprint (or link to the previous record) should be. */
      expected: z.string(),
      stored: z.string(),
    })
    .optional(),
});
export type VerifactuVerifyResult = z.infer<typeof verifactuVerifyResult>;
