import type { TFunction } from "i18next";
import { describe, expect, test } from "vitest";
import type { QuoteDetail } from "../../../shared/contracts/index.js";
import { validateDocument } from "../documents/document-form-model.js";
import { emptyQuoteValues, quoteToValues, quoteValuesToBody } from "./quote-form-model.js";

const t = ((key: string) => key) as unknown as TFunction;
const taxes = [
  { id: "00000000-0000-4000-8000-000000000001", name: "VAT", rateBp: 2100, isDefault: true },
  { id: "00000000-0000-4000-8000-000000000002", name: "IRPF", rateBp: -1500, isDefault: false },
] as never;

describe("the quote form model", () => {
  test("a new quote has the default tax, a 30-day validity and no signature requirement", () => {
    const values = emptyQuoteValues("EUR", taxes, null);
    expect(values.lines).toHaveLength(1);
    expect(values.lines[0]?.taxIds).toEqual(["00000000-0000-4000-8000-000000000001"]);
    const days = (Date.parse(values.expiryDate) - Date.parse(values.issueDate)) / 86_400_000;
    expect(days).toBe(30);
    expect(values.requireSignature).toBe(false);
  });

  test("validation names the customer and each bad line field; a valid form has no errors", () => {
    const values = emptyQuoteValues("EUR", taxes, null);
    expect(validateDocument(t, values)).toMatchObject({
      customerId: "errors.required",
      "lines.0.description": "errors.required",
      "lines.0.unitPrice": "errors.invalidAmount",
    });
    const line = values.lines[0];
    if (!line) throw new Error("a line");
    const ok = {
      ...values,
      customerId: "00000000-0000-4000-8000-0000000000aa",
      lines: [{ ...line, description: "Design", unitPrice: "1.234,50", quantity: "1,5", discount: "10 %" }],
    };
    expect(validateDocument(t, ok)).toEqual({});
    expect(validateDocument(t, { ...ok, lines: [] })).toEqual({ lines: "admin.editor.atLeastOneLine" });
  });

  test("the body carries integers, a null expiry for 'no expiry', trimmed texts and the signature switch", () => {
    const values = emptyQuoteValues("EUR", taxes, "00000000-0000-4000-8000-0000000000aa");
    const line = values.lines[0];
    if (!line) throw new Error("a line");
    const body = quoteValuesToBody({
      ...values,
      expiryDate: "",
      notes: "  Two rounds of changes.  ",
      terms: "   ",
      requireSignature: true,
      lines: [{ ...line, description: " Design ", unitPrice: "1.234,50", quantity: "1,5", discount: "10" }],
    });
    expect(body).toMatchObject({
      customerId: "00000000-0000-4000-8000-0000000000aa",
      expiryDate: null,
      currency: "EUR",
      notes: "Two rounds of changes.",
      terms: null,
      requireSignature: true,
      lines: [
        {
          description: "Design",
          quantityMilli: 1500,
          unitPriceMinor: 123450,
          discountBp: 1000,
          taxIds: ["00000000-0000-4000-8000-000000000001"],
        },
      ],
    });
  });

  test("a saved quote round-trips through the form", () => {
    const quote = {
      customerId: "00000000-0000-4000-8000-0000000000aa",
      issueDate: "2026-03-01",
      expiryDate: null,
      currency: "EUR",
      notes: null,
      terms: "50 % upfront",
      requireSignature: true,
      lines: [
        {
          description: "Design",
          quantityMilli: 2500,
          unitPriceMinor: 99990,
          discountBp: 0,
          taxes: [{ taxId: "00000000-0000-4000-8000-000000000002" }],
        },
      ],
    } as unknown as QuoteDetail;
    const values = quoteToValues(quote, ",");
    expect(values).toMatchObject({ expiryDate: "", terms: "50 % upfront", requireSignature: true });
    expect(values.lines[0]).toMatchObject({ quantity: "2,5", unitPrice: "999,90", discount: "" });
    expect(quoteValuesToBody(values)).toMatchObject({
      expiryDate: null,
      notes: null,
      lines: [{ quantityMilli: 2500, unitPriceMinor: 99990, discountBp: 0 }],
    });
  });
});
