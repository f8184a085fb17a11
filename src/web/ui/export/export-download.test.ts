import { describe, expect, test } from "vitest";
import { countLines, exportUrl, filenameOf, progressRatio } from "./export-download.js";

describe("export download", () => {
  test("the URL carries the list's filters and sort, never its paging", () => {
    expect(
      exportUrl("invoices", "xlsx", {
        status: "sent",
        q: "",
        customerId: undefined,
        after: "abc",
        sort: "amount",
      }),
    ).toBe("/api/invoices/export?format=xlsx&status=sent&sort=amount");
  });

  test("the server's file name, else a fallback", () => {
    expect(filenameOf('attachment; filename="invoices-2026-12-07.csv"', "x.csv")).toBe(
      "invoices-2026-12-07.csv",
    );
    expect(filenameOf(null, "x.csv")).toBe("x.csv");
  });

  test("rows are counted from line ends; the ratio needs the stated total", () => {
    expect(countLines(new TextEncoder().encode("a,b\r\n1,2\r\n3,4\r\n"))).toBe(3);
    expect(progressRatio({ bytes: 10, rows: 5, totalRows: 10 })).toBe(0.5);
    expect(progressRatio({ bytes: 10, rows: null, totalRows: 10 })).toBeNull();
    expect(progressRatio({ bytes: 10, rows: 5, totalRows: null })).toBeNull();
  });
});
