import { describe, expect, test } from "vitest";
import { truncateText } from "./text.js";

const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("truncateText", () => {
  test("leaves text that fits alone, counting graphemes rather than code units", () => {
    expect(truncateText("hola", 4)).toBe("hola");
    expect(truncateText("", 3)).toBe("");
    // Four graphemes, far more than four UTF-16 code units.
    const emoji = "👍🏽👨‍👩‍👧‍👦🇪🇸é";
    expect(emoji.length).toBeGreaterThan(4);
    expect(truncateText(emoji, 4)).toBe(emoji);
  });

  test("cuts to max graphemes, the last being an ellipsis", () => {
    expect(truncateText("abcdef", 4)).toBe("abc…");
    expect(truncateText("abc def", 5)).toBe("abc…");
    expect(truncateText("abcdef", 1)).toBe("…");
    expect(truncateText("abcdef", 0)).toBe("");
  });

  test("never splits an emoji, a skin tone, a ZWJ family, a flag or a combining accent", () => {
    const family = "👨‍👩‍👧‍👦";
    const cases: [string, string][] = [
      [`${"a".repeat(138)}😀😀`, `${"a".repeat(138)}…`],
      [`ab👍🏽cd`, `ab👍🏽…`],
      [`x${family}${family}y`, `x${family}…`],
      ["🇪🇸🇫🇷🇩🇪🇮🇹", "🇪🇸🇫🇷…"],
      ["cafe\u0301 cafe\u0301s", "cafe\u0301…"],
    ];
    for (const [text, expected] of cases) {
      const max = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(expected)].length;
      const cut = truncateText(text, max);
      expect(cut).toBe(expected);
      expect(wellFormed(cut)).toBe(true);
    }
  });
});
