import type { TFunction } from "i18next";
import { describe, expect, test } from "vitest";
import type { SalesOrderDetail } from "../../../shared/contracts/index.js";
import { validateDocument } from "../documents/document-form-model.js";
import {
  emptySalesOrderValues,
  salesOrderToValues,
  salesOrderValuesToBody,
} from "./sales-order-form-model.js";

const t = ((key: string) => key) as unknown as TFunction;
const customerId = "00000000-0000-4000-8000-0000000000aa";
const taxes = [
  { id: "00000000-0000-4000-8000-000000000001", name: "VAT", rateBp: 2100, isDefault: true },
  { id: "00000000-0000-4000-8000-000000000002", name: "IRPF", rateBp: -1500, isDefault: false },
] as never;

describe("the sales order form model", () => {
  test("a new order has the default tax, no delivery date and no reference", () => {
    const values = emptySalesOrderValues("EUR", taxes, customerId);
    expect(values).toMatchObject({ customerId, currency: "EUR", deliveryDate: "", reference: "" });
    expect(values.lines[0]?.taxIds).toEqual(["00000000-0000-4000-8000-000000000001"]);
  });

  test("validation names the customer and each bad line field", () => {
    const values = emptySalesOrderValues("EUR", taxes, null);
    expect(validateDocument(t, values)).toMatchObject({
      customerId: "errors.required",
      "lines.0.description": "errors.required",
      "lines.0.unitPrice": "errors.invalidAmount",
    });
  });

  test("the body has the delivery date (null when empty), a trimmed reference and integer lines", () => {
    const values = emptySalesOrderValues("EUR", taxes, customerId);
    const line = values.lines[0];
    if (!line) throw new Error("a line");
    const body = salesOrderValuesToBody({
      ...values,
      reference: "  PO-77 ",
      notes: "   ",
      lines: [{ ...line, description: " Tiles ", unitPrice: "12,50", quantity: "4" }],
    });
    expect(body).toMatchObject({
      customerId,
      deliveryDate: null,
      reference: "PO-77",
      notes: null,
      lines: [{ description: "Tiles", quantityMilli: 4000, unitPriceMinor: 1250, discountBp: 0 }],
    });
    expect(body).not.toHaveProperty("dueDate");
    expect(body).not.toHaveProperty("allowPartialPayments");
    expect(salesOrderValuesToBody({ ...values, reference: " ", deliveryDate: "2026-04-01" })).toMatchObject({
      reference: null,
      deliveryDate: "2026-04-01",
    });
  });

  test("a saved order round-trips through the form", () => {
    const order = {
      customerId,
      issueDate: "2026-03-01",
      deliveryDate: "2026-03-15",
      reference: null,
      currency: "EUR",
      notes: "Deliver to the back door",
      terms: null,
      lines: [
        {
          description: "Tiles",
          quantityMilli: 2500,
          unitPriceMinor: 99990,
          discountBp: 0,
          taxes: [{ taxId: "00000000-0000-4000-8000-000000000002" }],
        },
      ],
    } as unknown as SalesOrderDetail;
    const values = salesOrderToValues(order, ",");
    expect(values).toMatchObject({
      deliveryDate: "2026-03-15",
      reference: "",
      notes: "Deliver to the back door",
    });
    expect(values.lines[0]).toMatchObject({ quantity: "2,5", unitPrice: "999,90", discount: "" });
    expect(salesOrderValuesToBody(values)).toMatchObject({
      issueDate: "2026-03-01",
      deliveryDate: "2026-03-15",
      reference: null,
      lines: [
        { quantityMilli: 2500, unitPriceMinor: 99990, taxIds: ["00000000-0000-4000-8000-000000000002"] },
      ],
    });
  });
});
