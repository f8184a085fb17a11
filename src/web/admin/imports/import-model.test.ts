import { describe, expect, test } from "vitest";
import { isFinished, problemsByRow, progressPercent, remap } from "./import-model.js";

describe("the import page's model", () => {
  test("problems are grouped by row, rows in order", () => {
    const grouped = problemsByRow([
      { row: 3, field: "name", code: "required" },
      { row: 1, field: "email", code: "invalid_format" },
      { row: 3, field: "currency", code: "unsupported_currency" },
    ]);
    expect(grouped.map(([row, list]) => [row, list.map((p) => p.field)])).toEqual([
      [1, ["email"]],
      [3, ["name", "currency"]],
    ]);
  });

  test("progress is whole percent, 100 once the job ended", () => {
    expect(progressPercent({ status: "running", rowsDone: 1, rowsTotal: 3 })).toBe(33);
    expect(progressPercent({ status: "queued", rowsDone: 0, rowsTotal: 0 })).toBe(0);
    expect(progressPercent({ status: "failed", rowsDone: 0, rowsTotal: 10 })).toBe(100);
    expect(isFinished({ status: "done" })).toBe(true);
    expect(isFinished(undefined)).toBe(false);
  });

  test("re-mapping changes one field only", () => {
    expect(remap({ name: "A", email: "B" }, "email", null)).toEqual({ name: "A", email: null });
  });
});
