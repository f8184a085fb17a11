import { describe, expect, it } from "vitest";
import { invoiceListQuery, portalQuoteListQuery, quoteListQuery } from "../../../shared/contracts/index.js";
import { parseListFilters } from "./list-params.js";

describe("parseListFilters", () => {
  it("keeps the filters the list contract accepts", () => {
    const customerId = "0b8f1c52-6d4e-4a7b-9c1e-3f2a5d6e7b80";
    expect(parseListFilters(quoteListQuery, { status: "sent", customerId, q: "tiles" })).toEqual({
      status: "sent",
      customerId,
      q: "tiles",
    });
  });

  it("drops a value its schema refuses instead of sending it to the API", () => {
    expect(parseListFilters(portalQuoteListQuery, { status: "draft", q: "tiles" })).toEqual({ q: "tiles" });
    expect(parseListFilters(invoiceListQuery, { kind: "receipt", customerId: "not-a-uuid" })).toEqual({});
  });

  it("treats empty values as no filter and ignores keys the contract does not have", () => {
    expect(parseListFilters(invoiceListQuery, { status: "", kind: "retainer", colour: "red" })).toEqual({
      kind: "retainer",
    });
  });
});
