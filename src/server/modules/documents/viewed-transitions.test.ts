import { describe, expect, it } from "vitest";
import { quoteStatus } from "../../../shared/contracts/quotes.js";
import { invoiceStatuses } from "../../db/schema/index.js";
import {
  invoiceViewedTransition,
  quoteViewedTransition,
  salesOrderViewedTransition,
} from "./document-facts.js";

// The viewed rule of each kind, for every status: what a contact's first open changes.
const seen = new Date("2026-01-01T00:00:00Z");

describe("invoice", () => {
  it.each(invoiceStatuses)("status %s", (status) => {
    const first = invoiceViewedTransition({ status, viewedAt: null });
    if (status === "void") expect(first).toBeNull();
    else if (status === "issued" || status === "sent") expect(first).toEqual({ status: "viewed" });
    else expect(first).toEqual({});
    expect(invoiceViewedTransition({ status, viewedAt: seen })).toBeNull();
  });
});

describe("quote", () => {
  it.each(quoteStatus.options)("status %s", (status) => {
    const first = quoteViewedTransition({ status, viewedAt: null });
    expect(first).toEqual(status === "sent" ? { status: "viewed" } : null);
    expect(quoteViewedTransition({ status, viewedAt: seen })).toBeNull();
  });
});

describe("sales order", () => {
  it("stamps the first open only, never touching the status", () => {
    expect(salesOrderViewedTransition({ viewedAt: null })).toEqual({});
    expect(salesOrderViewedTransition({ viewedAt: seen })).toBeNull();
  });
});
