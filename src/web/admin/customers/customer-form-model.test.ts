import { describe, expect, test } from "vitest";
import { emptyCustomerValues, valuesToBody } from "./customer-form-model.js";

describe("the customer form's DIR3 codes (Facturae, issue 17 §3)", () => {
  test("are sent upper-cased, and empty ones as null (an edit never drops them silently)", () => {
    const body = valuesToBody({
      ...emptyCustomerValues("EUR"),
      name: "Ayuntamiento",
      dir3AccountingOffice: " l01280796 ",
      dir3ManagingBody: "L01280796",
      dir3ProcessingUnit: "",
    });
    expect(body).toMatchObject({
      dir3AccountingOffice: "L01280796",
      dir3ManagingBody: "L01280796",
      dir3ProcessingUnit: null,
    });
  });
});
