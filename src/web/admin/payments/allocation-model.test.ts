import { describe, expect, it } from "vitest";
import { checkAllocations, fillOldestFirst, minorToInput } from "./allocation-model.js";

const docs = [
  { id: "a", dueMinor: 10_000 },
  { id: "b", dueMinor: 5_050 },
  { id: "c", dueMinor: 2_000 },
];

describe("allocation model", () => {
  it("fills the oldest documents first until the money runs out", () => {
    expect(fillOldestFirst(docs, 12_000, "EUR", ",")).toEqual({ a: "100,00", b: "20,00", c: "" });
    expect(fillOldestFirst(docs, null, "EUR", ".")).toEqual({ a: "100.00", b: "50.50", c: "20.00" });
    expect(fillOldestFirst(docs, 0, "EUR", ".")).toEqual({ a: "", b: "", c: "" });
  });

  it("totals the typed amounts and says what stays unapplied", () => {
    const check = checkAllocations(docs, { a: "100", b: "1.234,5", c: "" }, 20_000, "EUR");
    expect(check.totalMinor).toBe(10_000 + 123_450);
    expect(check.leftMinor).toBe(20_000 - 133_450);
    expect(check.errors).toEqual({ b: "exceedsDue" });
    expect(check.allocations).toEqual([
      { invoiceId: "a", amountMinor: 10_000 },
      { invoiceId: "b", amountMinor: 123_450 },
    ]);
  });

  it("flags amounts that do not parse or are negative, and skips zero", () => {
    const check = checkAllocations(docs, { a: "abc", b: "-3", c: "0" }, 1_000, "EUR");
    expect(check.errors).toEqual({ a: "invalid", b: "invalid" });
    expect(check.allocations).toEqual([]);
    expect(check.leftMinor).toBe(1_000);
  });

  it("writes amounts in the currency's exponent without floats", () => {
    expect(minorToInput(123_456, "EUR", ",")).toBe("1234,56");
    expect(minorToInput(1_235, "JPY", ",")).toBe("1235");
    expect(minorToInput(1_234, "KWD", ".")).toBe("1.234");
  });
});
