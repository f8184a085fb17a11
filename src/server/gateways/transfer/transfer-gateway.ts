import { z } from "zod";
import { AppError } from "../../errors/errors.js";
import type { Gateway } from "../gateway.js";

/**
 * Bank transfer (issue 13): nothing to call and nothing to sign. The invoice PDF and the portal show
 * the organisation's IBAN and, for euros, an EPC QR code (`epc-qr.ts`); the payer's bank moves the
 * money and staff record the payment when it arrives. The details themselves are shown for any
 * currency; only the QR code is limited to euros (a SEPA credit transfer), hence `currencies`.
 */
// The IBAN and BIC live in the organisation's profile, not among the gateway's credentials.
const credentials = z.object({});

export const transferGateway: Gateway<z.infer<typeof credentials>> = {
  id: "transfer",
  capabilities: {
    currencies: ["EUR"],
    minimumMinor: () => 1,
    online: false,
    savedMethods: false,
    bankDebits: false,
    refunds: false,
  },
  credentials,
  mask: () => ({}),
  testConnection: async () => {},
  startCheckout: async () => {
    throw new AppError(
      "GATEWAY_NOT_AVAILABLE",
      [],
      "a bank transfer has no checkout: the payer's bank sends it",
    );
  },
  verifyNotification: async () => {
    throw new AppError("GATEWAY_NOT_AVAILABLE", [], "a bank transfer sends no notifications");
  },
};
