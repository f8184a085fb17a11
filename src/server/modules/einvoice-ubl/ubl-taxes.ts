import { AppError } from "../../errors/errors.js";
import type { UblLine } from "./ubl-source.js";

/**
 * EN 16931 VAT categories as Portico's taxes give them: a positive rate is standard rated (S); a 0 % tax
 * or no tax at all is exempt (E), with the tax's name as the exemption reason (BR-E-10). A line carries
 * exactly one VAT category (BR-CO-4), and a negative rate (a withholding such as IRPF) has no place in
 * EN 16931: such invoices are refused rather than written wrong (decision 052).
 */
export type VatCategory = "S" | "E";

export interface LineVat {
  category: VatCategory;
  rateBp: number;
  /** Set for the exempt category only. */
  exemptionReason: string | null;
}

export interface VatSubtotal extends LineVat {
  baseMinor: number;
  amountMinor: number;
}

const exemptFallback = { es: "Exento de IVA", en: "Exempt from VAT" } as const;

export function lineVatOf(line: UblLine, language: "es" | "en"): LineVat {
  if (line.taxes.length > 1 || line.taxes.some((t) => t.rateBp < 0)) throw new AppError("EINVOICE_UBL_TAXES");
  const [tax] = line.taxes;
  if (tax && tax.rateBp > 0) return { category: "S", rateBp: tax.rateBp, exemptionReason: null };
  return { category: "E", rateBp: 0, exemptionReason: tax?.name.trim() || exemptFallback[language] };
}

/**
 * The VAT breakdown (BG-23): one subtotal per category and rate, in the order the lines first name them;
 * its base is the sum of the lines' net amounts and its tax the sum of the lines' own tax amounts, so the
 * XML states exactly what the invoice charged (Portico rounds tax per line, decision 052).
 */
export function vatBreakdownOf(lines: UblLine[], vats: LineVat[]): VatSubtotal[] {
  const groups = new Map<string, VatSubtotal>();
  lines.forEach((line, i) => {
    const vat = vats[i] as LineVat;
    const key = `${vat.category}|${vat.rateBp}`;
    const amount = line.taxes[0]?.amountMinor ?? 0;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...vat, baseMinor: line.netMinor, amountMinor: amount });
      return;
    }
    group.baseMinor += line.netMinor;
    group.amountMinor += amount;
    if (vat.exemptionReason && !group.exemptionReason?.split("; ").includes(vat.exemptionReason))
      group.exemptionReason = `${group.exemptionReason}; ${vat.exemptionReason}`;
  });
  return [...groups.values()];
}
