import { describe, expect, test } from "vitest";
import { SUPPORTED_CURRENCIES } from "../../../shared/money/index.js";
import { currencyChoices, documentToBody, emptyDocumentValues } from "./document-form-model.js";

describe("the document form model", () => {
  test("offers the supported currencies, with a document's retired currency first", () => {
    expect(currencyChoices("EUR")).toEqual([...SUPPORTED_CURRENCIES]);
    expect(currencyChoices("XAF")).toEqual(["XAF", ...SUPPORTED_CURRENCIES]);
  });

  test("a header without a customer or texts becomes an empty id and null texts", () => {
    const values = emptyDocumentValues("EUR", [], null);
    expect(values.lines).toHaveLength(1);
    expect(values.lines[0]?.taxIds).toEqual([]);
    expect(documentToBody({ ...values, notes: "  ", terms: " Net 30 " })).toMatchObject({
      customerId: "",
      issueDate: values.issueDate,
      currency: "EUR",
      notes: null,
      terms: "Net 30",
    });
  });
});
