import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divRoundHalfUp } from "./rounding.js";

// Reference through exact rationals: round(n/d) = floor((2n + d) / 2d) for positive d, mirrored for ties.
function reference(n: bigint, d: bigint): bigint {
  const [num, den] = d < 0n ? [-n, -d] : [n, d];
  const abs = num < 0n ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return num < 0n ? -q : q;
}

describe("divRoundHalfUp", () => {
  it("rounds ties away from zero", () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(5n, -2n)).toBe(-3n);
    expect(divRoundHalfUp(-5n, -2n)).toBe(3n);
    expect(divRoundHalfUp(7n, 3n)).toBe(2n);
    expect(divRoundHalfUp(-8n, 3n)).toBe(-3n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(divRoundHalfUp(14_995n, 10_000n)).toBe(1n);
    expect(divRoundHalfUp(-14_995n, 10_000n)).toBe(-1n);
  });

  it("rejects division by zero", () => {
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it("matches an independent reference on random bigints", () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          expect(divRoundHalfUp(n, d)).toBe(reference(n, d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is odd-symmetric and off by at most one half", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divRoundHalfUp(n, d);
        expect(divRoundHalfUp(-n, d)).toBe(-q);
        const error = q * d - n;
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
      }),
    );
  });
});
