import type { TFunction } from "i18next";
import { describe, expect, test } from "vitest";
import {
  emptyRecurringValues,
  profileToValues,
  recurringFieldOf,
  recurringToBody,
  validateRecurring,
} from "./recurring-form-model.js";

const t = ((key: string) => key) as unknown as TFunction;
const customerId = "7d1c7f0e-2f44-4a43-9a38-0c1b0f3a5a11";

function filled() {
  const v = emptyRecurringValues("EUR", [], customerId);
  return {
    ...v,
    name: "Hosting",
    issueDate: "2030-01-31",
    lines: v.lines.map((line) => ({ ...line, description: "Hosting", quantity: "1", unitPrice: "25,50" })),
  };
}

describe("the recurring profile form", () => {
  test("a filled form becomes the API body: the first date is the start, empty terms are the customer's", () => {
    expect(validateRecurring(t, filled())).toEqual({});
    expect(recurringToBody(filled())).toMatchObject({
      customerId,
      name: "Hosting",
      startDate: "2030-01-31",
      frequency: "monthly",
      endKind: "never",
      endAfterCount: null,
      endOnDate: null,
      mode: "send",
      lines: [{ description: "Hosting", quantityMilli: 1000, unitPriceMinor: 2550 }],
    });
    expect(recurringToBody(filled())).not.toHaveProperty("paymentTermsDays");
    expect(recurringToBody({ ...filled(), paymentTermsDays: "30" }).paymentTermsDays).toBe(30);
  });

  test("the end's own field is required and checked", () => {
    expect(validateRecurring(t, { ...filled(), endKind: "after_count", endAfterCount: "0" })).toHaveProperty(
      "endAfterCount",
    );
    expect(validateRecurring(t, { ...filled(), endKind: "on_date" })).toHaveProperty("endOnDate");
    expect(recurringToBody({ ...filled(), endKind: "after_count", endAfterCount: "12" }).endAfterCount).toBe(
      12,
    );
    expect(validateRecurring(t, { ...filled(), name: " " })).toHaveProperty("name");
  });

  test("a saved profile fills the form back; the API's start date error lands on the date field", () => {
    const values = profileToValues(
      {
        id: customerId,
        name: "Hosting",
        customerId,
        customerName: "C",
        currency: "EUR",
        frequency: "yearly",
        mode: "draft",
        status: "active",
        nextDate: "2031-01-31",
        invoicesMade: 1,
        netMinor: 3825,
        lastError: null,
        lines: [
          { description: "Hosting", quantityMilli: 1500, unitPriceMinor: 2550, discountBp: 0, taxIds: [] },
        ],
        notes: null,
        terms: null,
        startDate: "2030-01-31",
        endKind: "after_count",
        endAfterCount: 3,
        endOnDate: null,
        paymentTermsDays: 15,
        upcomingDates: [],
        lastRunAt: null,
        createdAt: "2030-01-01T00:00:00.000Z",
      },
      [],
      ",",
    );
    expect(values).toMatchObject({ issueDate: "2030-01-31", endAfterCount: "3", paymentTermsDays: "15" });
    expect(values.lines[0]).toMatchObject({ quantity: "1,5", unitPrice: "25,50", taxIds: [] });
    expect(recurringFieldOf("startDate")).toBe("issueDate");
    expect(recurringFieldOf("lines.0.unitPriceMinor")).toBe("lines.0.unitPrice");
  });
});
