import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent } from "./currency.js";
import { formatMoney, minorToDecimalString, parseMoney } from "./format.js";

// One currency per exponent: 0, 2, 3, 4.
const CURRENCIES = ["JPY", "EUR", "KWD", "CLF"] as const;
const NBSP = "\u00a0";
const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe("minorToDecimalString", () => {
  it("writes exact decimals", () => {
    expect(minorToDecimalString(123456, "EUR")).toBe("1234.56");
    expect(minorToDecimalString(-5, "EUR")).toBe("-0.05");
    expect(minorToDecimalString(0, "EUR")).toBe("0.00");
    expect(minorToDecimalString(1000, "JPY")).toBe("1000");
    expect(minorToDecimalString(-1, "KWD")).toBe("-0.001");
    expect(minorToDecimalString(12345, "CLF")).toBe("1.2345");
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, "EUR")).toBe("90071992547409.91");
  });

  it("refuses floats and unknown currencies", () => {
    expect(() => minorToDecimalString(1.5, "EUR")).toThrow(RangeError);
    expect(() => minorToDecimalString(Number.NaN, "EUR")).toThrow(RangeError);
    expect(() => minorToDecimalString(2 ** 53, "EUR")).toThrow(RangeError);
    expect(() => minorToDecimalString(1, "XYZ")).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats per locale with the currency's exponent", () => {
    // ICU's es-ES groups thousands only from five integer digits ("1234,56", "12.345,67").
    expect(formatMoney(123456, "EUR", "es-ES")).toBe(`1234,56${NBSP}€`);
    expect(formatMoney(1234567, "EUR", "es-ES")).toBe(`12.345,67${NBSP}€`);
    expect(formatMoney(123456, "EUR", "en-GB")).toBe("€1,234.56");
    expect(formatMoney(-5, "EUR", "en-GB")).toBe("-€0.05");
    expect(formatMoney(1235, "JPY", "en-US")).toBe("¥1,235");
    expect(formatMoney(1234567, "KWD", "en-GB")).toBe(`KWD${NBSP}1,234.567`);
    expect(formatMoney(-1234567, "KWD", "es-ES")).toBe(`-1234,567${NBSP}KWD`);
    expect(formatMoney(100, "HUF", "en-GB")).toBe(`HUF${NBSP}1.00`);
  });

  it("keeps every digit beyond float precision", () => {
    // Going through a float (n / 100) would print "…409.90".
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en-US")).toBe("$90,071,992,547,409.91");
  });
});

describe("parseMoney", () => {
  it.each([
    ["1234.56", "EUR", 123456],
    ["1.234,56", "EUR", 123456],
    ["1,234.56", "EUR", 123456],
    ["1234,5", "EUR", 123450],
    ["-3", "EUR", -300],
    ["−3", "EUR", -300],
    ["+0,05", "EUR", 5],
    [" 1 234,56 ", "EUR", 123456],
    ["1'234.50", "CHF", 123450],
    ["1.234", "EUR", 123400],
    ["1.234.567", "EUR", 123456700],
    [".5", "EUR", 50],
    ["-0", "EUR", 0],
    ["1.234", "KWD", 1234],
    ["1,234", "JPY", 1234],
    ["1.2345", "CLF", 12345],
  ] as const)("%s %s → %d", (input, currency, expected) => {
    expect(parseMoney(input, currency)).toBe(expected);
  });

  it.each([
    ["", "EUR"],
    ["abc", "EUR"],
    ["12 €", "EUR"],
    ["1e3", "EUR"],
    ["1.2.3", "EUR"],
    ["1,2,3", "EUR"],
    ["1.234.56", "EUR"],
    ["1.2345", "EUR"],
    ["12.345,678", "EUR"],
    ["0.123", "EUR"],
    ["1.5", "JPY"],
    ["5.", "EUR"],
    ["--3", "EUR"],
    ["1.234 567", "EUR"],
    ["99999999999999999", "EUR"],
  ] as const)("rejects %j in %s", (input, currency) => {
    expect(parseMoney(input, currency)).toBeNull();
  });

  it("round-trips minorToDecimalString for every exponent", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCIES), safeInt, (currency, amount) => {
        expect(parseMoney(minorToDecimalString(amount, currency), currency)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back what Intl writes in several locales", () => {
    const locales = ["es-ES", "en-US", "de-DE", "fr-FR", "de-CH"];
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...locales),
        safeInt,
        (currency, locale, n) => {
          const exponent = currencyExponent(currency);
          const nf = new Intl.NumberFormat(locale, {
            minimumFractionDigits: exponent,
            maximumFractionDigits: exponent,
          });
          const text = nf.format(minorToDecimalString(n, currency) as `${number}`);
          expect(parseMoney(text, currency)).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
