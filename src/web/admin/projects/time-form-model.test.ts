import { describe, expect, test } from "vitest";
import { budgetUse, formatMinutes, parseDuration, parseRate, rateToInput } from "./time-form-model.js";

describe("time form model", () => {
  test("durations as h:mm, decimal hours or minutes; nothing outside 1 minute to a day", () => {
    expect(parseDuration("1:30")).toBe(90);
    expect(parseDuration("1,5")).toBe(90);
    expect(parseDuration("1.25 h")).toBe(75);
    expect(parseDuration("0,333")).toBe(20);
    expect(parseDuration("45m")).toBe(45);
    expect(parseDuration("24:00")).toBe(1440);
    for (const bad of ["", "0", "0:00", "24:01", "abc", "1:75", "-1", "25"])
      expect(parseDuration(bad)).toBeNull();
  });

  test("minutes read back as h:mm", () => {
    expect(formatMinutes(0)).toBe("0:00");
    expect(formatMinutes(95)).toBe("1:35");
    expect(formatMinutes(6000)).toBe("100:00");
  });

  test("rates in the currency's units, exactly", () => {
    expect(parseRate("60,50", "EUR")).toBe(6050);
    expect(parseRate("1000", "JPY")).toBe(1000);
    expect(parseRate("", "EUR")).toBeNull();
    expect(parseRate("1,234", "EUR")).toBeUndefined();
    expect(parseRate("-1", "EUR")).toBeUndefined();
    expect(rateToInput(6050, "EUR", ",")).toBe("60,5");
    expect(rateToInput(null, "EUR", ".")).toBe("");
  });

  test("the budget bar", () => {
    expect(budgetUse(30, 120)).toEqual({ percent: 25, over: false });
    expect(budgetUse(130, 120)).toEqual({ percent: 100, over: true });
    expect(budgetUse(5, null)).toBeNull();
    expect(budgetUse(5, 0)).toBeNull();
  });
});
