import type { Messages } from "../types.js";
import type { moneyAdminPortalEs } from "./money-admin.portal.es.js";

export const moneyAdminPortalEn: Messages<typeof moneyAdminPortalEs> = {
  source: {
    payment: "Payment {{number}}",
    credit_note: "Credit note {{number}}",
    retainer: "Retainer {{number}}",
  },
};
