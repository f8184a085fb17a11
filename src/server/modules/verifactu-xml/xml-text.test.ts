import { describe, expect, test } from "vitest";
import { aeatAmount, aeatDate, aeatText, amountOfMinor, rateOfBasisPoints } from "./aeat-formats.js";
import { el, escapeXml, parent, writeXml } from "./xml-text.js";

describe("the XML writer and AEAT's formats", () => {
  test("text is escaped, and characters XML cannot carry are dropped", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
    expect(escapeXml("tab\tnl\ncr\r bell\u0007 nul\u0000 lone\ud800 del\u007f c1\u0085 ok😀 \uffff")).toBe(
      "tab\tnl\ncr\r bell nul lone del c1 ok😀 ",
    );
    expect(escapeXml("]]> &amp;")).toBe("]]&gt; &amp;amp;");
  });

  test("elements nest two spaces a level; absent children are skipped; namespaces on the root", () => {
    const xml = writeXml(
      parent("a:Root", [el("a:One", "1 & 2"), null, parent("a:Two", [el("a:Three", "")])]),
      {
        a: "urn:x?a=1&b=2",
      },
    );
    expect(xml).toBe(
      [
        '<a:Root xmlns:a="urn:x?a=1&amp;b=2">',
        "  <a:One>1 &amp; 2</a:One>",
        "  <a:Two>",
        "    <a:Three></a:Three>",
        "  </a:Two>",
        "</a:Root>",
      ].join("\n"),
    );
  });

  test("dates, amounts, rates and free text in AEAT's forms", () => {
    expect(aeatDate("2027-03-09")).toBe("09-03-2027");
    expect(aeatDate("09-03-2027")).toBe("09-03-2027");
    expect(() => aeatDate("2027-3-9")).toThrow(RangeError);
    expect(amountOfMinor(12345)).toBe("123.45");
    expect(amountOfMinor(-5)).toBe("-0.05");
    expect(aeatAmount("999999999999.99")).toBe("999999999999.99");
    expect(() => aeatAmount("1000000000000.00")).toThrow(RangeError);
    expect(() => aeatAmount("1e3")).toThrow(RangeError);
    expect(rateOfBasisPoints(2100)).toBe("21.00");
    expect(rateOfBasisPoints(550)).toBe("5.50");
    expect(aeatText("  two\n lines  ", 10)).toBe("two lines");
    expect(aeatText("😀😀😀", 2)).toBe("😀😀");
  });
});
