import type { z } from "zod";
import { type invoiceLineInput, MAX_AMOUNT_MINOR } from "../../../shared/contracts/index.js";
import { computeTotals } from "../../../shared/money/index.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../errors/errors.js";
import { defaultTax, loadTaxes } from "../taxes/taxes.service.js";

type LineBody = z.output<typeof invoiceLineInput>;

/** A line whose taxes are resolved and snapshotted (name and rate as they were when priced). */
export interface PricedLineInput {
  description: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  taxes: { taxId: string; name: string; rateBp: number }[];
}

/**
 * Resolves each line's tax ids to this organisation's live taxes, the default tax when omitted
 * (CP2001 when there is none); shared by every document with priced lines (invoices, quotes).
 */
export async function resolveLineTaxes(tx: Tx, body: LineBody[]): Promise<PricedLineInput[]> {
  const needsDefault = body.some((l) => l.taxIds === undefined);
  const fallback = needsDefault ? await defaultTax(tx) : null;
  if (needsDefault && !fallback) throw new AppError("CP2001");
  const taxMap = await loadTaxes(tx, [...new Set(body.flatMap((l) => l.taxIds ?? []))]);
  return body.map((l, i) => {
    const ids = l.taxIds ?? [fallback?.id as string];
    const taxes = ids.map((id, j) => {
      const t = taxMap.get(id) ?? (id === fallback?.id ? fallback : undefined);
      if (!t)
        throw new AppError("VALIDATION_FAILED", [
          { field: `body.lines.${i}.taxIds.${j}`, message: "unknown tax", code: "unknown_tax" },
        ]);
      return { taxId: t.id, rateBp: t.rateBp, name: t.name };
    });
    return {
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      taxes,
    };
  });
}

/** Prices resolved lines with the money rules (src/shared/money): per-line rounding, totals as sums. */
export function priceLines(inputs: PricedLineInput[]) {
  const { lines, totals } = boundedTotals(inputs);
  const names = new Map(inputs.flatMap((l) => l.taxes.map((t) => [t.taxId, t.name] as const)));
  return {
    lines: lines.map((amounts, i) => {
      const input = inputs[i] as PricedLineInput;
      return {
        position: i + 1,
        description: input.description,
        quantityMilli: input.quantityMilli,
        unitPriceMinor: input.unitPriceMinor,
        discountBp: input.discountBp,
        taxes: amounts.taxes.map((t) => ({ ...t, name: names.get(t.taxId) ?? "" })),
        grossMinor: amounts.grossMinor,
        discountMinor: amounts.discountMinor,
        netMinor: amounts.netMinor,
        taxMinor: amounts.taxMinor,
        totalMinor: amounts.totalMinor,
      };
    }),
    totals: {
      subtotalMinor: totals.subtotalMinor,
      discountMinor: totals.discountMinor,
      netMinor: totals.netMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      taxBreakdown: totals.taxes.map((t) => ({ ...t, name: names.get(t.taxId) ?? "" })),
    },
  };
}

/**
 * The money rules' totals, refused (AMOUNT_OUT_OF_RANGE, 422) when any line's or the document's amount
 * would go beyond ±MAX_AMOUNT_MINOR: each input is bounded, but quantity × price × taxes may not be.
 */
export function boundedTotals(inputs: PricedLineInput[]) {
  let result: ReturnType<typeof computeTotals>;
  try {
    result = computeTotals(inputs);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError("AMOUNT_OUT_OF_RANGE");
    throw err;
  }
  const amounts = [
    ...result.lines.flatMap((l) => [l.grossMinor, l.discountMinor, l.netMinor, l.taxMinor, l.totalMinor]),
    result.totals.subtotalMinor,
    result.totals.discountMinor,
    result.totals.netMinor,
    result.totals.taxMinor,
    result.totals.totalMinor,
  ];
  if (amounts.some((v) => !Number.isSafeInteger(v) || Math.abs(v) > MAX_AMOUNT_MINOR))
    throw new AppError("AMOUNT_OUT_OF_RANGE");
  return result;
}
