/**
 * Exact decimal strings of Portico's integers for the XML (never through a float): quantities × 1000,
 * percentages × 100. Money goes through `minorToDecimalString` of the money helpers.
 */
export function scaledToDecimal(value: number, exponent: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  const digits = Math.abs(value)
    .toString()
    .padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent).replace(/0+$/, "");
  return `${value < 0 ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** 2100 → "21", 1050 → "10.5", 0 → "0". */
export const percentOf = (bp: number) => scaledToDecimal(bp, 2);

/** 2000 → "2", 1500 → "1.5", 250 → "0.25". */
export const quantityOf = (milli: number) => scaledToDecimal(milli, 3);
