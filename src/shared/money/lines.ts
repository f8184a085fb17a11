import { divRoundHalfUp } from "./rounding.js";

export interface LineTaxInput {
  taxId: string;
  /** Rate in basis points: 2100 = 21 %, −1500 = a 15 % withholding. */
  rateBp: number;
}

export interface LineInput {
  /** Quantity × 1000 (three decimals); negative for returns. */
  quantityMilli: number;
  unitPriceMinor: number;
  /** 0..10000 (percent × 100). */
  discountBp: number;
  taxes: LineTaxInput[];
}

export interface LineTaxAmount {
  taxId: string;
  rateBp: number;
  amountMinor: number;
}

export interface LineAmounts {
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxes: LineTaxAmount[];
  taxMinor: number;
  totalMinor: number;
}

export interface TaxBreakdown {
  taxId: string;
  rateBp: number;
  baseMinor: number;
  amountMinor: number;
}

export interface DocumentTotals {
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  taxes: TaxBreakdown[];
  taxMinor: number;
  totalMinor: number;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function toSafeNumber(value: bigint, what: string): number {
  if (value > MAX_SAFE || value < -MAX_SAFE)
    throw new RangeError(`${what} is beyond a safe integer: ${value}`);
  return Number(value);
}

function requireSafeInteger(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

function validateLine(line: LineInput, index: number): void {
  const where = `line ${index + 1}`;
  requireSafeInteger(line.quantityMilli, `${where}: quantityMilli`);
  requireSafeInteger(line.unitPriceMinor, `${where}: unitPriceMinor`);
  if (!Number.isInteger(line.discountBp) || line.discountBp < 0 || line.discountBp > 10_000) {
    throw new RangeError(`${where}: discountBp must be an integer from 0 to 10000, got ${line.discountBp}`);
  }
  const seen = new Set<string>();
  for (const tax of line.taxes) {
    if (typeof tax.taxId !== "string" || tax.taxId === "") throw new RangeError(`${where}: taxId is empty`);
    // A tax listed twice on a line would be charged twice; that is always a caller's mistake.
    if (seen.has(tax.taxId)) throw new RangeError(`${where}: tax ${tax.taxId} is listed twice`);
    seen.add(tax.taxId);
    // Rates beyond ±100 % are almost certainly a unit mix-up (percent × 10000 instead of × 100).
    if (!Number.isInteger(tax.rateBp) || tax.rateBp < -10_000 || tax.rateBp > 10_000) {
      throw new RangeError(`${where}: rateBp of ${tax.taxId} must be an integer from -10000 to 10000`);
    }
  }
}

interface ExactLine {
  gross: bigint;
  discount: bigint;
  net: bigint;
  taxes: { taxId: string; rateBp: number; amount: bigint }[];
}

// Every step rounds half away from zero to whole minor units, so each printed line amount is final
// and the document totals are plain sums of what the reader sees on the lines.
function computeExact(line: LineInput): ExactLine {
  const gross = divRoundHalfUp(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), 1000n);
  const discount = divRoundHalfUp(gross * BigInt(line.discountBp), 10_000n);
  const net = gross - discount;
  const taxes = line.taxes.map((t) => ({
    taxId: t.taxId,
    rateBp: t.rateBp,
    amount: divRoundHalfUp(net * BigInt(t.rateBp), 10_000n),
  }));
  return { gross, discount, net, taxes };
}

function toLineAmounts(exact: ExactLine, index: number): LineAmounts {
  const where = `line ${index + 1}`;
  const tax = exact.taxes.reduce((sum, t) => sum + t.amount, 0n);
  return {
    grossMinor: toSafeNumber(exact.gross, `${where}: gross`),
    discountMinor: toSafeNumber(exact.discount, `${where}: discount`),
    netMinor: toSafeNumber(exact.net, `${where}: net`),
    taxes: exact.taxes.map((t) => ({
      taxId: t.taxId,
      rateBp: t.rateBp,
      amountMinor: toSafeNumber(t.amount, `${where}: tax ${t.taxId}`),
    })),
    taxMinor: toSafeNumber(tax, `${where}: tax`),
    totalMinor: toSafeNumber(exact.net + tax, `${where}: total`),
  };
}

/** Amounts of one invoice line; see `computeTotals` for the rules. */
export function computeLine(line: LineInput): LineAmounts {
  validateLine(line, 0);
  return toLineAmounts(computeExact(line), 0);
}

/**
 * Line amounts and document totals.
 * gross = qty × price; discount = gross × discount%; net = gross − discount; each tax = net × rate,
 * all rounded per line. Totals are sums of the line parts; the tax breakdown groups lines by taxId
 * (first-seen order) with base = Σ net of the lines carrying the tax. Throws RangeError on invalid
 * input or when any amount leaves the safe-integer range.
 */
export function computeTotals(lines: LineInput[]): { lines: LineAmounts[]; totals: DocumentTotals } {
  lines.forEach(validateLine);
  const exact = lines.map(computeExact);
  const lineAmounts = exact.map(toLineAmounts);

  let gross = 0n;
  let discount = 0n;
  let net = 0n;
  const breakdown = new Map<string, { rateBp: number; base: bigint; amount: bigint }>();
  for (const line of exact) {
    gross += line.gross;
    discount += line.discount;
    net += line.net;
    for (const t of line.taxes) {
      const entry = breakdown.get(t.taxId);
      if (!entry) {
        breakdown.set(t.taxId, { rateBp: t.rateBp, base: line.net, amount: t.amount });
      } else if (entry.rateBp !== t.rateBp) {
        // One breakdown row has one rate; two rates under one id would print a wrong summary.
        throw new RangeError(`Tax ${t.taxId} appears with rates ${entry.rateBp} and ${t.rateBp}`);
      } else {
        entry.base += line.net;
        entry.amount += t.amount;
      }
    }
  }

  const taxes: TaxBreakdown[] = [...breakdown].map(([taxId, e]) => ({
    taxId,
    rateBp: e.rateBp,
    baseMinor: toSafeNumber(e.base, `tax ${taxId} base`),
    amountMinor: toSafeNumber(e.amount, `tax ${taxId} amount`),
  }));
  const tax = [...breakdown.values()].reduce((sum, e) => sum + e.amount, 0n);
  return {
    lines: lineAmounts,
    totals: {
      subtotalMinor: toSafeNumber(gross, "subtotal"),
      discountMinor: toSafeNumber(discount, "discount"),
      netMinor: toSafeNumber(net, "net"),
      taxes,
      taxMinor: toSafeNumber(tax, "tax"),
      totalMinor: toSafeNumber(net + tax, "total"),
    },
  };
}
