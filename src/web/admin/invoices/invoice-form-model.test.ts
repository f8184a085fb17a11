import { describe, expect, test } from "vitest";
import { emptyInvoiceValues, invoiceToValues, valuesToBody } from "./invoice-form-model.js";

const taxes = [
  { id: "00000000-0000-4000-8000-000000000001", name: "VAT", rateBp: 2100, isDefault: true },
  { id: "00000000-0000-4000-8000-000000000002", name: "IRPF", rateBp: -1500, isDefault: false },
] as never;
const customerId = "00000000-0000-4000-8000-0000000000aa";
const vat = "00000000-0000-4000-8000-000000000001";

describe("the invoice form model", () => {
  test("a new invoice is the document header with no due date and no partial payments", () => {
    const values = emptyInvoiceValues("EUR", taxes, customerId);
    expect(values).toMatchObject({
      customerId,
      currency: "EUR",
      notes: "",
      terms: "",
      dueDate: "",
      allowPartialPayments: false,
    });
    expect(values.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(values.lines).toHaveLength(1);
    expect(values.lines[0]?.taxIds).toEqual([vat]);
  });

  test("the body carries integers, a null due date when empty, trimmed texts and the partial-payments switch", () => {
    const values = emptyInvoiceValues("EUR", taxes, customerId);
    const line = values.lines[0];
    if (!line) throw new Error("a line");
    const body = valuesToBody({
      ...values,
      notes: "  Thanks.  ",
      terms: "   ",
      allowPartialPayments: true,
      lines: [{ ...line, description: " Design ", unitPrice: "1.234,50", quantity: "1,5", discount: "10" }],
    });
    const designLine = {
      description: "Design",
      quantityMilli: 1500,
      unitPriceMinor: 123450,
      discountBp: 1000,
    };
    expect(body).toEqual({
      customerId,
      issueDate: values.issueDate,
      dueDate: null,
      currency: "EUR",
      notes: "Thanks.",
      terms: null,
      allowPartialPayments: true,
      lines: [{ ...designLine, taxIds: [vat] }],
    });
    expect(valuesToBody({ ...values, dueDate: "2026-04-30" }).dueDate).toBe("2026-04-30");
  });

  test("a saved invoice (or a sales order's header) round-trips through the form", () => {
    const invoice = {
      customerId,
      issueDate: "2026-03-01T00:00:00.000Z",
      dueDate: "2026-03-31",
      currency: "EUR",
      notes: null,
      terms: "Net 30",
      allowPartialPayments: true,
      lines: [
        {
          id: "00000000-0000-4000-8000-0000000000b1",
          description: "Design",
          quantityMilli: 1500,
          unitPriceMinor: 123450,
          discountBp: 1000,
          taxes: [{ taxId: vat }],
        },
      ],
    } as never;
    const values = invoiceToValues(invoice, ",");
    expect(values).toMatchObject({
      customerId,
      issueDate: "2026-03-01",
      dueDate: "2026-03-31",
      notes: "",
      terms: "Net 30",
      allowPartialPayments: true,
    });
    expect(values.lines[0]).toMatchObject({ description: "Design", quantity: "1,5", unitPrice: "1234,50" });
    expect(valuesToBody(values)).toMatchObject({
      dueDate: "2026-03-31",
      terms: "Net 30",
      lines: [{ quantityMilli: 1500, unitPriceMinor: 123450, discountBp: 1000 }],
    });
    expect(invoiceToValues({ ...(invoice as object), dueDate: null } as never, ",").dueDate).toBe("");
  });
});
