import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLine, computeTotals, type LineInput } from "./lines.js";

// A document uses each tax id with one rate, as a tax catalogue would guarantee.
const CATALOGUE = [
  { taxId: "vat21", rateBp: 2100 },
  { taxId: "vat10", rateBp: 1000 },
  { taxId: "vat4", rateBp: 400 },
  { taxId: "re52", rateBp: 520 },
  { taxId: "irpf15", rateBp: -1500 },
];

// Bounds keep qty × price within ~10^15 so a realistic document never overflows.
const lineArb: fc.Arbitrary<LineInput> = fc.record({
  quantityMilli: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  unitPriceMinor: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  discountBp: fc.oneof(fc.constant(0), fc.constant(10_000), fc.integer({ min: 0, max: 10_000 })),
  taxes: fc.subarray(CATALOGUE),
});
const linesArb = fc.array(lineArb, { maxLength: 20 });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const negate = (x: number) => (x === 0 ? 0 : -x);
const abs = (x: bigint) => (x < 0n ? -x : x);

describe("computeLine", () => {
  it("3 × 19.99 € with 10 % discount, VAT 21 % and IRPF −15 %", () => {
    const line = computeLine({
      quantityMilli: 3000,
      unitPriceMinor: 1999,
      discountBp: 1000,
      taxes: [
        { taxId: "vat21", rateBp: 2100 },
        { taxId: "irpf15", rateBp: -1500 },
      ],
    });
    // 59.97 − 6.00 (5.997 rounded) = 53.97; VAT 11.3337 → 11.33; IRPF −8.0955 → −8.10.
    expect(line).toEqual({
      grossMinor: 5997,
      discountMinor: 600,
      netMinor: 5397,
      taxes: [
        { taxId: "vat21", rateBp: 2100, amountMinor: 1133 },
        { taxId: "irpf15", rateBp: -1500, amountMinor: -810 },
      ],
      taxMinor: 323,
      totalMinor: 5720,
    });
  });

  it("rounds a half cent away from zero on both signs", () => {
    const taxes = [{ taxId: "vat21", rateBp: 2100 }];
    expect(
      computeLine({ quantityMilli: 1000, unitPriceMinor: 50, discountBp: 0, taxes }).taxes[0]?.amountMinor,
    ).toBe(11);
    expect(
      computeLine({ quantityMilli: -1000, unitPriceMinor: 50, discountBp: 0, taxes }).taxes[0]?.amountMinor,
    ).toBe(-11);
    // 1.5 units × 0.01 = 0.015 → 0.02
    expect(computeLine({ quantityMilli: 1500, unitPriceMinor: 1, discountBp: 0, taxes: [] }).grossMinor).toBe(
      2,
    );
  });

  it("validates its input", () => {
    const ok: LineInput = { quantityMilli: 1000, unitPriceMinor: 100, discountBp: 0, taxes: [] };
    expect(() => computeLine({ ...ok, quantityMilli: 1.5 })).toThrow(RangeError);
    expect(() => computeLine({ ...ok, unitPriceMinor: Number.NaN })).toThrow(RangeError);
    expect(() => computeLine({ ...ok, discountBp: 10_001 })).toThrow(/discountBp/);
    expect(() => computeLine({ ...ok, discountBp: -1 })).toThrow(/discountBp/);
    expect(() => computeLine({ ...ok, discountBp: 12.5 })).toThrow(/discountBp/);
    expect(() => computeLine({ ...ok, taxes: [{ taxId: "vat", rateBp: 21.5 }] })).toThrow(/rateBp/);
    expect(() => computeLine({ ...ok, taxes: [{ taxId: "vat", rateBp: 210_000 }] })).toThrow(/rateBp/);
    expect(() => computeLine({ ...ok, taxes: [{ taxId: "", rateBp: 2100 }] })).toThrow(/taxId/);
    const twice = [CATALOGUE[0], CATALOGUE[0]] as LineInput["taxes"];
    expect(() => computeLine({ ...ok, taxes: twice })).toThrow(/twice/);
  });

  it("throws a RangeError instead of losing precision", () => {
    const huge = {
      quantityMilli: Number.MAX_SAFE_INTEGER,
      unitPriceMinor: 1_000_000,
      discountBp: 0,
      taxes: [],
    };
    expect(() => computeLine(huge)).toThrow(RangeError);
    const nearMax = {
      quantityMilli: 1000,
      unitPriceMinor: Number.MAX_SAFE_INTEGER,
      discountBp: 0,
      taxes: [],
    };
    expect(computeLine(nearMax).totalMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => computeLine({ ...nearMax, taxes: [{ taxId: "vat21", rateBp: 2100 }] })).toThrow(RangeError);
  });
});

describe("computeTotals", () => {
  it("sums lines and groups taxes in first-seen order", () => {
    const { totals } = computeTotals([
      { quantityMilli: 3000, unitPriceMinor: 1999, discountBp: 1000, taxes: [CATALOGUE[0], CATALOGUE[4]] },
      { quantityMilli: 1000, unitPriceMinor: 10_000, discountBp: 0, taxes: [CATALOGUE[0]] },
      { quantityMilli: 2500, unitPriceMinor: 400, discountBp: 0, taxes: [CATALOGUE[1]] },
    ] as LineInput[]);
    expect(totals).toEqual({
      subtotalMinor: 5997 + 10_000 + 1000,
      discountMinor: 600,
      netMinor: 5397 + 10_000 + 1000,
      taxes: [
        { taxId: "vat21", rateBp: 2100, baseMinor: 15_397, amountMinor: 1133 + 2100 },
        { taxId: "irpf15", rateBp: -1500, baseMinor: 5397, amountMinor: -810 },
        { taxId: "vat10", rateBp: 1000, baseMinor: 1000, amountMinor: 100 },
      ],
      taxMinor: 3233 - 810 + 100,
      totalMinor: 16_397 + 2523,
    });
  });

  it("is all zeros for an empty document", () => {
    expect(computeTotals([]).totals).toEqual({
      subtotalMinor: 0,
      discountMinor: 0,
      netMinor: 0,
      taxes: [],
      taxMinor: 0,
      totalMinor: 0,
    });
  });

  it("refuses one tax id with two rates", () => {
    const line = (rateBp: number): LineInput => ({
      quantityMilli: 1000,
      unitPriceMinor: 100,
      discountBp: 0,
      taxes: [{ taxId: "vat", rateBp }],
    });
    expect(() => computeTotals([line(2100), line(1000)])).toThrow(/rates 2100 and 1000/);
  });

  it("throws when the sum of safe lines overflows", () => {
    const line = { quantityMilli: 1000, unitPriceMinor: 5_000_000_000_000_000, discountBp: 0, taxes: [] };
    expect(() => computeTotals([line, line])).toThrow(RangeError);
  });

  it("totals are the sums of the line parts", () => {
    fc.assert(
      fc.property(linesArb, (input) => {
        const { lines, totals } = computeTotals(input);
        expect(totals.subtotalMinor).toBe(sum(lines.map((l) => l.grossMinor)));
        expect(totals.discountMinor).toBe(sum(lines.map((l) => l.discountMinor)));
        expect(totals.netMinor).toBe(sum(lines.map((l) => l.netMinor)));
        expect(totals.netMinor).toBe(totals.subtotalMinor - totals.discountMinor);
        expect(totals.totalMinor).toBe(sum(lines.map((l) => l.totalMinor)));
        expect(totals.totalMinor).toBe(totals.netMinor + totals.taxMinor);
        expect(sum(totals.taxes.map((t) => t.amountMinor))).toBe(totals.taxMinor);
        for (const line of lines) expect(line.totalMinor).toBe(line.netMinor + line.taxMinor);
        for (const t of totals.taxes) {
          const carrying = input
            .map((l, i) => [l, lines[i]] as const)
            .filter(([l]) => l.taxes.some((x) => x.taxId === t.taxId));
          expect(t.baseMinor).toBe(sum(carrying.map(([, a]) => a?.netMinor ?? 0)));
        }
      }),
    );
  });

  it("computeLine agrees with computeTotals", () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        expect(computeTotals([line]).lines[0]).toEqual(computeLine(line));
      }),
    );
  });

  it("a 100 % discount leaves nothing to pay or tax", () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const amounts = computeLine({ ...line, discountBp: 10_000 });
        expect(amounts.netMinor).toBe(0);
        expect(amounts.discountMinor).toBe(amounts.grossMinor);
        expect(amounts.taxMinor).toBe(0);
        expect(amounts.totalMinor).toBe(0);
      }),
    );
  });

  it("negating every quantity negates every amount", () => {
    fc.assert(
      fc.property(linesArb, (input) => {
        const a = computeTotals(input);
        const b = computeTotals(input.map((l) => ({ ...l, quantityMilli: negate(l.quantityMilli) })));
        for (const [i, line] of a.lines.entries()) {
          const other = b.lines[i];
          expect(other?.grossMinor).toBe(negate(line.grossMinor));
          expect(other?.discountMinor).toBe(negate(line.discountMinor));
          expect(other?.netMinor).toBe(negate(line.netMinor));
          expect(other?.taxes.map((t) => t.amountMinor)).toEqual(
            line.taxes.map((t) => negate(t.amountMinor)),
          );
          expect(other?.totalMinor).toBe(negate(line.totalMinor));
        }
        expect(b.totals.totalMinor).toBe(negate(a.totals.totalMinor));
        expect(b.totals.taxMinor).toBe(negate(a.totals.taxMinor));
        expect(b.totals.taxes.map((t) => [t.baseMinor, t.amountMinor])).toEqual(
          a.totals.taxes.map((t) => [negate(t.baseMinor), negate(t.amountMinor)]),
        );
      }),
    );
  });

  it("each rounded amount is within half a minor unit of the exact value", () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const amounts = computeLine(line);
        const exactGross = BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor);
        expect(2n * abs(BigInt(amounts.grossMinor) * 1000n - exactGross) <= 1000n).toBe(true);
        const exactDiscount = BigInt(amounts.grossMinor) * BigInt(line.discountBp);
        expect(2n * abs(BigInt(amounts.discountMinor) * 10_000n - exactDiscount) <= 10_000n).toBe(true);
        for (const t of amounts.taxes) {
          const exact = BigInt(amounts.netMinor) * BigInt(t.rateBp);
          expect(2n * abs(BigInt(t.amountMinor) * 10_000n - exact) <= 10_000n).toBe(true);
        }
      }),
    );
  });

  it("a withholding lowers the total of a positive line", () => {
    const positive = lineArb.map((l) => ({
      ...l,
      quantityMilli: Math.abs(l.quantityMilli) || 1000,
      unitPriceMinor: Math.abs(l.unitPriceMinor) || 1,
      taxes: l.taxes.filter((t) => t.taxId !== "irpf15"),
    }));
    fc.assert(
      fc.property(positive, (line) => {
        const without = computeLine(line);
        const withheld = computeLine({ ...line, taxes: [...line.taxes, { taxId: "irpf15", rateBp: -1500 }] });
        expect(withheld.totalMinor).toBeLessThanOrEqual(without.totalMinor);
        // Strictly lower as soon as 15 % of the net reaches half a minor unit.
        if (without.netMinor * 1500 >= 5000) expect(withheld.totalMinor).toBeLessThan(without.totalMinor);
        expect(withheld.totalMinor - without.totalMinor).toBe(withheld.taxes.at(-1)?.amountMinor);
      }),
    );
  });
});
