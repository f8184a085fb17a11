import { asc, eq } from "drizzle-orm";
import { minorToDecimalString } from "../../../shared/money/index.js";
import type { Tx } from "../../db/client.js";
import { invoiceLines, type invoices, type VerifactuRectificacion } from "../../db/schema/index.js";
import { rectificationOf } from "../rectifying/rectification.js";
import { lineAmounts, type TipoFactura } from "./record-amounts.js";

type InvoiceRow = typeof invoices.$inferSelect;
const money = (minor: number) => minorToDecimalString(minor, "EUR");

/**
 * What a credit note's alta carries as a rectifying invoice (decision 049, "wiring"; decision 051):
 *
 * - `tipoFactura`: the credit note's R1–R5; none (R1 by `invoiceTypeOf`'s default) for a credit note
 *   without a rectification, which only an organisation outside Spain has — and the mode needs Spain, so
 *   that is a credit note of an organisation that moved abroad with the mode on: R1 by difference, no
 *   rectified invoices.
 * - By difference (`I`): the amounts are the credit note's, negative (049's `amountsOf`), and the record
 *   names the rectified invoices.
 * - By substitution (`S`): AEAT's record of the substituting invoice states the corrected amounts in full
 *   (Desglose, CuotaTotal, ImporteTotal: what the invoice should have said) and, in ImporteRectificacion,
 *   the rectified invoice's base and tax. The credit note stores first the rectified invoice's lines
 *   (copied, `copiedLines`) then the corrected lines negated (decision 051), so the corrected amounts are
 *   its lines after the copies, negated back, and BaseRectificada/CuotaRectificada are its copies (same
 *   lines, same per-line rounding as the rectified invoice; withholdings left out like every VERI*FACTU
 *   amount).
 *
 * `amounts` is null when 049's `amountsOf` (the credit note's own, negative) applies.
 */
export async function rectifyingRecordOf(
  tx: Tx,
  creditNote: InvoiceRow,
): Promise<{
  tipoFactura: TipoFactura | null;
  rectificacion: VerifactuRectificacion;
  amounts: ReturnType<typeof lineAmounts> | null;
}> {
  const r = await rectificationOf(tx, creditNote.id);
  if (!r)
    return {
      tipoFactura: null,
      rectificacion: {
        tipoRectificativa: "I",
        facturasRectificadas: [],
        baseRectificada: null,
        cuotaRectificada: null,
      },
      amounts: null,
    };
  const facturasRectificadas = r.rectified.map((x) => ({
    numSerieFactura: x.number,
    fechaExpedicionFactura: x.issueDate,
  }));
  if (r.aeatMethod === "I")
    return {
      tipoFactura: r.type,
      rectificacion: {
        tipoRectificativa: "I",
        facturasRectificadas,
        baseRectificada: null,
        cuotaRectificada: null,
      },
      amounts: null,
    };
  const copied = (creditNote.rectifiedInvoices ?? []).reduce((n, x) => n + x.copiedLines, 0);
  const lines = await tx
    .select({ netMinor: invoiceLines.netMinor, taxes: invoiceLines.taxes })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, creditNote.id))
    .orderBy(asc(invoiceLines.position));
  const rectified = lineAmounts(lines.slice(0, copied), 1);
  return {
    tipoFactura: r.type,
    rectificacion: {
      tipoRectificativa: "S",
      facturasRectificadas,
      baseRectificada: money(rectified.netMinor),
      cuotaRectificada: money(rectified.taxMinor),
    },
    amounts: correctedAmounts(lines.slice(copied)),
  };
}

/** The corrected lines (stored negated) negated back; corrected to nothing is one zero base (1–12 lines). */
function correctedAmounts(lines: Parameters<typeof lineAmounts>[0]) {
  const amounts = lineAmounts(lines, -1);
  if (amounts.desglose.length === 0)
    amounts.desglose.push({
      impuesto: "01",
      tipoImpositivo: null,
      baseImponible: "0.00",
      cuotaRepercutida: "0.00",
    });
  return amounts;
}
