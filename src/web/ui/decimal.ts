/**
 * Reads a plain decimal typed by a person ("1,5", "-2", "10 %", "0.125") as an integer scaled by
 * 10^scale, without going through a float: "1,5" at scale 3 → 1500. Returns null for anything else.
 */
export function parseScaledDecimal(input: string, scale: number): number | null {
  const cleaned = input.replace(/[\s\u00a0%]/g, "").replace("\u2212", "-");
  const match = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign = "", intPart = "", fracPart = ""] = match;
  if (intPart === "" && fracPart === "") return null;
  if (fracPart.length > scale) return null;
  const digits = `${intPart || "0"}${fracPart.padEnd(scale, "0")}`;
  const value = Number.parseInt(digits, 10) * (sign === "-" ? -1 : 1);
  return Number.isSafeInteger(value) ? value || 0 : null;
}

/** The inverse for form fields: 1500 at scale 3 → "1,5" (es) or "1.5" (en). */
export function scaledToInput(value: number, scale: number, decimalMark: "," | "."): string {
  const negative = value < 0;
  const digits = Math.abs(value)
    .toString()
    .padStart(scale + 1, "0");
  const intPart = scale > 0 ? digits.slice(0, -scale) : digits;
  const fracPart = scale > 0 ? digits.slice(-scale).replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${intPart}${fracPart ? decimalMark + fracPart : ""}`;
}

export function decimalMarkOf(language: string): "," | "." {
  return language.startsWith("es") ? "," : ".";
}
