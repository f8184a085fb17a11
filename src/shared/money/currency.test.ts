import { describe, expect, it } from "vitest";
import { currencyExponent, isCurrencyCode, isSupportedCurrency, SUPPORTED_CURRENCIES } from "./currency.js";
import { formatMoney } from "./format.js";

describe("currency", () => {
  it("knows ISO 4217 exponents", () => {
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("XOF")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
    expect(currencyExponent("TND")).toBe(3);
    expect(currencyExponent("CLF")).toBe(4);
  });

  it("validates codes", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("CLF")).toBe(true);
    expect(isCurrencyCode("eur")).toBe(false);
    expect(isCurrencyCode("ABC")).toBe(false);
    expect(isCurrencyCode("EURO")).toBe(false);
    expect(() => currencyExponent("ABC")).toThrow(RangeError);
  });

  it("offers only valid, distinct codes", () => {
    expect(new Set(SUPPORTED_CURRENCIES).size).toBe(SUPPORTED_CURRENCIES.length);
    for (const code of SUPPORTED_CURRENCIES) expect(isCurrencyCode(code)).toBe(true);
  });

  it("agrees with ICU where ICU has an opinion", () => {
    for (const code of SUPPORTED_CURRENCIES) {
      const icu = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions();
      // CLDR shows HUF and COP without decimals although ISO 4217 gives them 2; ISO defines what we store.
      if (!["HUF", "COP"].includes(code))
        expect(currencyExponent(code), code).toBe(icu.maximumFractionDigits);
    }
  });

  it("allows only the currencies the product formats and prints (issue 9)", () => {
    for (const code of ["ZZZ", "XXX", "BTC", "XAU", "XOF", "CLF", "eur", "", "EURO"])
      expect(isSupportedCurrency(code)).toBe(false);
    for (const code of SUPPORTED_CURRENCIES) {
      expect(isSupportedCurrency(code)).toBe(true);
      for (const locale of ["es", "en"]) expect(formatMoney(123456, code, locale)).toMatch(/\d/);
    }
  });
});
