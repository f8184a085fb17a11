import { computeTotals, type LineInput } from "../../shared/money/index.js";
import type { InvoicePdfData } from "./types.js";

const TAX_LABELS: Record<string, string> = { vat21: "IVA 21 %", irpf15: "IRPF −15 %", vat10: "IVA 10 %" };

/** Realistic invoice data for tests and benchmarks; totals come from the money module. */
export function buildSampleInvoice(
  options: { lineCount?: number; locale?: InvoicePdfData["locale"]; paidMinor?: number } = {},
): InvoicePdfData {
  const lineCount = options.lineCount ?? 3;
  const descriptions = ["Diseño gráfico — 1ª fase", "Maquetación del catálogo (Çà, ü, ñ)", "Hosting anual"];
  const inputs = Array.from({ length: lineCount }, (_, i) => {
    const input: LineInput = {
      quantityMilli: i % 3 === 0 ? 3000 : 1500,
      unitPriceMinor: 1999 + 100 * (i % 7),
      discountBp: i % 4 === 0 ? 1000 : 0,
      taxes:
        i % 3 === 2
          ? [{ taxId: "vat10", rateBp: 1000 }]
          : [
              { taxId: "vat21", rateBp: 2100 },
              { taxId: "irpf15", rateBp: -1500 },
            ],
    };
    return { input, description: `${descriptions[i % descriptions.length]} ${i + 1}` };
  });
  const { lines, totals } = computeTotals(inputs.map((l) => l.input));
  const paidMinor = options.paidMinor ?? 0;
  return {
    locale: options.locale ?? "es",
    timeZone: "Europe/Madrid",
    org: {
      name: "Peña Ñandú, S.L.",
      taxId: "B12345678",
      addressLines: ["Calle de Alcalá 42, 3º", "28014 Madrid"],
      email: "facturas@penanandu.es",
      phone: "+34 910 000 000",
      website: "penanandu.es",
      iban: "ES9121000418450200051332",
      bic: "CAIXESBBXXX",
      brandColor: "#1f6f5c",
    },
    customer: {
      name: "Łódź Café Çà",
      legalName: "Łódź Café Çà, S.A.",
      taxId: "A87654321",
      addressLines: ["Avenida de la Constitución 7", "41001 Sevilla"],
      email: "admin@lodzcafe.es",
    },
    document: {
      number: "F-2026-0042",
      issueDate: "2026-11-22",
      dueDate: "2026-12-22",
      currency: "EUR",
      notes: "Gracias por su confianza.",
      terms: "Pago a 30 días desde la fecha de emisión.",
    },
    lines: inputs.map((l, i) => ({
      description: l.description,
      quantityMilli: l.input.quantityMilli,
      unitPriceMinor: l.input.unitPriceMinor,
      discountBp: l.input.discountBp,
      netMinor: lines[i]?.netMinor ?? 0,
      taxLabels: l.input.taxes.map((t) => TAX_LABELS[t.taxId] ?? t.taxId),
    })),
    totals: {
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      netMinor: totals.netMinor,
      taxes: totals.taxes.map((t) => ({
        label: TAX_LABELS[t.taxId] ?? t.taxId,
        baseMinor: t.baseMinor,
        amountMinor: t.amountMinor,
      })),
      totalMinor: totals.totalMinor,
      paidMinor,
      dueMinor: totals.totalMinor - paidMinor,
    },
  };
}
