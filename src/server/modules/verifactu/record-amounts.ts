import { minorToDecimalString } from "../../../shared/money/index.js";
import type { invoiceLines, VerifactuDesglose } from "../../db/schema/index.js";

/*
 * The AEAT invoice types and a document's VERI*FACTU amounts from its lines (issue 17, decision 049): apart
 * from the records' writing so that the rectifying record (rectifying-record.ts) and the writer
 * (verifactu-records.ts) both use them without importing each other.
 */

export const TIPOS_FACTURA = ["F1", "F2", "F3", "R1", "R2", "R3", "R4", "R5"] as const;
export type TipoFactura = (typeof TIPOS_FACTURA)[number];

const money = (minor: number) => minorToDecimalString(minor, "EUR");

/** `amountsOf` over given lines, times `sign`; also the net and the tax charged in minor units. */
export function lineAmounts(
  lines: { netMinor: number; taxes: (typeof invoiceLines.$inferSelect)["taxes"] }[],
  sign: 1 | -1,
) {
  const byRate = new Map<number | null, { base: number; tax: number }>();
  let net = 0;
  let tax = 0;
  for (const line of lines) {
    net += line.netMinor;
    const charged = line.taxes.filter((t) => t.rateBp > 0);
    if (charged.length === 0) charged.push({ taxId: "", name: "", rateBp: 0, amountMinor: 0 });
    for (const t of charged) {
      const key = t.rateBp > 0 ? t.rateBp : null;
      const entry = byRate.get(key) ?? { base: 0, tax: 0 };
      entry.base += line.netMinor;
      entry.tax += t.amountMinor;
      tax += t.amountMinor;
      byRate.set(key, entry);
    }
  }
  const desglose: VerifactuDesglose[] = [...byRate]
    .sort(([a], [b]) => (a ?? -1) - (b ?? -1))
    .map(([rateBp, e]) => ({
      impuesto: "01",
      tipoImpositivo: rateBp === null ? null : minorToDecimalString(rateBp, "EUR"),
      baseImponible: money(sign * e.base),
      cuotaRepercutida: money(sign * e.tax),
    }));
  return {
    desglose,
    cuotaTotal: money(sign * tax),
    importeTotal: money(sign * (net + tax)),
    netMinor: sign * net,
    taxMinor: sign * tax,
  };
}
