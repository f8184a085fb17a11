import { describe, expect, it } from "vitest";
import { transferGateway } from "./transfer-gateway.js";

const env = {
  publicUrl: "https://portico.test",
  stripeApiBase: "",
  paypalApiBase: "",
  redsysBase: "",
  timeoutMs: 1000,
};

describe("the bank transfer gateway", () => {
  it("is offline, takes euros for its QR code and needs no credentials", async () => {
    expect(transferGateway.capabilities).toMatchObject({
      online: false,
      currencies: ["EUR"],
      refunds: false,
      savedMethods: false,
    });
    expect(transferGateway.credentials.safeParse({}).success).toBe(true);
    expect(transferGateway.mask({})).toEqual({});
    await expect(transferGateway.testConnection({}, env)).resolves.toBeUndefined();
  });

  it("opens no checkout and takes no notifications", async () => {
    await expect(transferGateway.startCheckout({}, env, {} as never)).rejects.toMatchObject({
      code: "GATEWAY_NOT_AVAILABLE",
    });
    const notification = { rawBody: Buffer.from(""), headers: {}, query: {} };
    await expect(transferGateway.verifyNotification({}, env, notification)).rejects.toMatchObject({
      code: "GATEWAY_NOT_AVAILABLE",
    });
  });
});
