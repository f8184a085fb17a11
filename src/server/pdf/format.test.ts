import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../shared/money/index.js";
import { formatDiscount, formatIban, formatPlainDate, formatQuantity, moneyFormatter } from "./format.js";
import { intlLocale } from "./labels.js";
import { cleanLine, cleanMultiline } from "./sanitize.js";

describe("pdf formatting", () => {
  it("prints calendar dates without shifting them", () => {
    expect(formatPlainDate("2026-11-22", "es")).toBe("22/11/2026");
    expect(formatPlainDate("2026-11-22", "en")).toBe("22 Nov 2026");
    expect(formatPlainDate("2026-01-01", "es")).toBe("01/01/2026");
    expect(() => formatPlainDate("2026-02-30", "es")).toThrow(RangeError);
    expect(() => formatPlainDate("22/11/2026", "es")).toThrow(RangeError);
  });

  it("prints quantities and discounts exactly", () => {
    expect(formatQuantity(1500, "es")).toBe("1,5");
    expect(formatQuantity(1500, "en")).toBe("1.5");
    expect(formatQuantity(-2000, "es")).toBe("-2");
    expect(formatQuantity(1, "en")).toBe("0.001");
    expect(formatQuantity(1_234_567_000, "en")).toBe("1,234,567");
    expect(formatDiscount(0, "es")).toBe("");
    expect(formatDiscount(1050, "es")).toBe("10,5\u00a0%");
    expect(formatDiscount(1000, "en")).toBe("10%");
    expect(formatDiscount(10_000, "en")).toBe("100%");
  });

  it("groups an IBAN by four", () => {
    expect(formatIban("es91 2100 0418 4502 0005 1332")).toBe("ES91 2100 0418 4502 0005 1332");
    expect(formatIban("GB29NWBK60161331926819")).toBe("GB29 NWBK 6016 1331 9268 19");
  });

  it("strips invisible and control characters from untrusted text", () => {
    expect(cleanLine("Evil\u202Egnp.exe\u0000\u200b")).toBe("Evilgnp.exe");
    expect(cleanLine("a\r\nb\tc")).toBe("a b c");
    expect(cleanMultiline("  one\r\ntwo\u2028three\u0007 ")).toBe("one\ntwo\nthree");
    expect(cleanLine("n\u0303")).toBe("ñ");
    expect(cleanLine("\ud800x")).toBe("x");
    expect(cleanLine(null)).toBe("");
  });

  it("formats money exactly as formatMoney does, in both languages and several currencies", () => {
    const locales = [intlLocale("es"), intlLocale("en")];
    const currencies = ["EUR", "USD", "GBP", "CHF", "JPY", "KWD", "MXN"];
    fc.assert(
      fc.property(
        fc.constantFrom(...locales),
        fc.constantFrom(...currencies),
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer()),
        (locale, currency, amount) => {
          expect(moneyFormatter(currency, locale)(amount)).toBe(formatMoney(amount, currency, locale));
        },
      ),
      { numRuns: 3000 },
    );
    expect(moneyFormatter("EUR", intlLocale("es"))(123_456)).toBe(
      formatMoney(123_456, "EUR", intlLocale("es")),
    );
  });
});
