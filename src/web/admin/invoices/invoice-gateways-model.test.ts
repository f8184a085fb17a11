import { describe, expect, test } from "vitest";
import { invoiceGatewayChoice } from "./invoice-gateways-model.js";

describe("an invoice's payment methods (issue 13)", () => {
  const offered = ["sandbox", "stripe", "paypal"];

  test("all ticked follows the organisation; the order is the organisation's", () => {
    expect(invoiceGatewayChoice(offered, ["paypal", "stripe", "sandbox"])).toEqual({
      chosen: offered,
      note: "followsOrg",
    });
  });

  test("some ticked narrow it; none ticked says the invoice cannot be paid online", () => {
    expect(invoiceGatewayChoice(offered, ["paypal", "stripe"])).toEqual({
      chosen: ["stripe", "paypal"],
      note: null,
    });
    expect(invoiceGatewayChoice(offered, [])).toEqual({ chosen: [], note: "noneChecked" });
  });

  test("a gateway the organisation no longer offers is neither shown ticked nor saved", () => {
    expect(invoiceGatewayChoice(["stripe"], ["redsys", "stripe"])).toEqual({
      chosen: ["stripe"],
      note: "followsOrg",
    });
  });
});
