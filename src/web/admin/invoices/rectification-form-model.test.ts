import { describe, expect, test } from "vitest";
import type { Rectification } from "../../../shared/contracts/index.js";
import {
  editableLinesOf,
  emptyRectification,
  rectificationToBody,
  rectificationToValues,
} from "./rectification-form-model.js";

const a = "00000000-0000-4000-8000-0000000000a1";
const b = "00000000-0000-4000-8000-0000000000b2";

const rectification = (over: Partial<Rectification> = {}): Rectification => ({
  type: "R1",
  method: "substitution",
  reason: "Precio",
  rectified: [
    { invoiceId: a, number: "F2026-0001", issueDate: "2026-03-01", baseMinor: 20000, taxMinor: 4200 },
  ],
  copiedLineCount: 2,
  correctedBaseMinor: 15000,
  correctedTaxMinor: 3150,
  ...over,
});

describe("the rectification form model (decision 051)", () => {
  test("a new credit note for an invoice rectifies that invoice by difference", () => {
    expect(emptyRectification(a)).toEqual({ type: null, method: "difference", reason: "", invoiceIds: [a] });
    expect(emptyRectification(null).invoiceIds).toEqual([]);
  });

  test("a saved draft's fields come back as they were sent", () => {
    const values = rectificationToValues({ rectification: rectification(), correctsInvoiceId: a });
    expect(values).toEqual({ type: "R1", method: "substitution", reason: "Precio", invoiceIds: [a] });
    expect(rectificationToBody(values)).toEqual({
      type: "R1",
      method: "substitution",
      reason: "Precio",
      invoiceIds: [a],
    });
    expect(rectificationToValues({ rectification: null, correctsInvoiceId: b }).invoiceIds).toEqual([b]);
  });

  test("an empty type is sent as null, for the server's field error", () => {
    expect(rectificationToBody(emptyRectification(null)).type).toBeNull();
  });

  test("by substitution the form edits the corrected lines, not the copies, with their sign back", () => {
    const lines = [{ quantityMilli: 2000 }, { quantityMilli: 1000 }, { quantityMilli: -1500 }];
    expect(editableLinesOf({ lines, rectification: rectification() })).toEqual([{ quantityMilli: 1500 }]);
    expect(
      editableLinesOf({ lines, rectification: rectification({ method: "difference", copiedLineCount: 0 }) }),
    ).toEqual(lines);
    expect(editableLinesOf({ lines, rectification: null })).toEqual(lines);
  });
});
