/**
 * n / d rounded to the nearest integer, ties away from zero (2.5 → 3, −2.5 → −3).
 *
 * Why this rule: it is the "round half up" of commercial practice and of tax authorities such as
 * Spain's AEAT, and it is symmetric — round(−x) = −round(x) — so a credit note that negates an
 * invoice's quantities reproduces every amount of the invoice with the opposite sign. Banker's
 * rounding and floor-based "half up" both break one of those two properties.
 */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("Division by zero");
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  let q = a / b;
  if ((a % b) * 2n >= b) q += 1n;
  return negative ? -q : q;
}
