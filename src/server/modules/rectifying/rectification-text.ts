import type { Rectification, RectificationType } from "../../../shared/contracts/index.js";
import { formatMoney } from "../../../shared/money/index.js";
import { formatPlainDate } from "../../pdf/format.js";

type Locale = "es" | "en";

/** The short description of each type (RD 1619/2012 art. 15, LIVA art. 80), as the VERI*FACTU list has them. */
export const RECTIFICATION_TYPE_TEXT: Record<RectificationType, Record<Locale, string>> = {
  R1: {
    es: "Error fundado en derecho y art. 80 Uno, Dos y Seis LIVA",
    en: "Error based on law and art. 80 One, Two and Six of the VAT Act",
  },
  R2: { es: "Art. 80.3 LIVA (concurso de acreedores)", en: "Art. 80.3 of the VAT Act (insolvency)" },
  R3: { es: "Art. 80.4 LIVA (créditos incobrables)", en: "Art. 80.4 of the VAT Act (bad debts)" },
  R4: { es: "Resto de causas", en: "Other causes" },
  R5: { es: "Facturas simplificadas", en: "Simplified invoices" },
};

export const RECTIFYING_TITLE: Record<Locale, string> = {
  es: "Factura rectificativa",
  en: "Corrective invoice",
};

const words = {
  es: {
    type: "Tipo",
    reason: "Motivo",
    difference: "Rectificación por diferencias",
    substitution: "Rectificación por sustitución",
    rectifies: ["Rectifica la factura", "Rectifica las facturas"],
    of: "de",
    rectified: "Importes rectificados",
    corrected: "importes corregidos",
    base: "base",
    tax: "cuota",
  },
  en: {
    type: "Type",
    reason: "Reason",
    difference: "Corrected by difference",
    substitution: "Corrected by substitution",
    rectifies: ["Corrects invoice", "Corrects invoices"],
    of: "of",
    rectified: "Amounts corrected",
    corrected: "corrected amounts",
    base: "base",
    tax: "tax",
  },
} as const;

/**
 * What the PDF says of a rectifying invoice (type, reason, method, rectified invoices with their dates and,
 * by substitution, the rectified and corrected base and tax), one line each.
 */
export function rectificationLines(r: Rectification, locale: Locale, currency: string): string[] {
  const w = words[locale];
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const lines = [
    `${w.type} ${r.type}: ${RECTIFICATION_TYPE_TEXT[r.type][locale]}`,
    `${w.reason}: ${r.reason}`,
    w[r.method],
  ];
  if (r.rectified.length)
    lines.push(
      `${w.rectifies[r.rectified.length === 1 ? 0 : 1]} ${r.rectified
        .map((x) => `${x.number} ${w.of} ${formatPlainDate(x.issueDate, locale)}`)
        .join(", ")}`,
    );
  const [first] = r.rectified;
  if (
    r.method === "substitution" &&
    first?.baseMinor != null &&
    first.taxMinor != null &&
    r.correctedBaseMinor != null &&
    r.correctedTaxMinor != null
  )
    lines.push(
      `${w.rectified}: ${w.base} ${money(first.baseMinor)}, ${w.tax} ${money(first.taxMinor)}; ` +
        `${w.corrected}: ${w.base} ${money(r.correctedBaseMinor)}, ${w.tax} ${money(r.correctedTaxMinor)}`,
    );
  return lines;
}
