import type { Messages } from "../types.js";
import type { gatewaysPortalEs } from "./gateways.portal.es.js";

export const gatewaysPortalEn: Messages<typeof gatewaysPortalEs> = {
  names: {
    sandbox: "Sandbox (test payments)",
    stripe: "Stripe (cards and SEPA debit)",
    paypal: "PayPal",
    redsys: "RedSys (virtual POS)",
    transfer: "Bank transfer",
  },
  choose: "How do you want to pay?",
  saveMethod: "Save the card for next time",
  saveMethodHint: "The payment provider keeps it; you can remove it in My details.",
  processing: "Payment processing",
  processingHint: "The provider accepted the payment; the invoice will be paid once it is confirmed.",
};
