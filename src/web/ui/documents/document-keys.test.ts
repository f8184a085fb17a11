import { describe, expect, test } from "vitest";
import { liveKeys } from "../live/use-live-events.js";
import { documentKeys, invoiceKeys, isDocumentType, quoteKeys, salesOrderKeys } from "./document-keys.js";

describe("the document query keys", () => {
  test("a kind's lists share one prefix and its details another", () => {
    expect(quoteKeys.all).toEqual(["quotes"]);
    expect(quoteKeys.list({ status: "sent" })).toEqual(["quotes", { status: "sent" }]);
    expect(quoteKeys.details).toEqual(["quote"]);
    expect(quoteKeys.detail("q1")).toEqual(["quote", "q1"]);
    expect(salesOrderKeys.list({})).toEqual(["sales-orders", {}]);
    expect(salesOrderKeys.detail("s1")).toEqual(["sales-order", "s1"]);
    expect(invoiceKeys.detail("i1")).toEqual(["invoice", "i1"]);
    expect(documentKeys("invoice").all).toEqual(["invoices"]);
  });

  test("live events refresh the keys the pages read", () => {
    for (const type of ["invoice", "quote", "sales_order"] as const) {
      expect(liveKeys.list(type)).toEqual(documentKeys(type).all);
      expect(liveKeys.document(type, "d1")).toEqual(documentKeys(type).detail("d1"));
    }
    expect(isDocumentType("payment")).toBe(false);
    expect(isDocumentType("toString")).toBe(false);
  });
});
