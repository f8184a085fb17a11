import type { Messages } from "../types.js";
import type { gatewaysEs } from "./gateways.es.js";
import { gatewaysPortalEn } from "./gateways.portal.en.js";

export const gatewaysEn: Messages<typeof gatewaysEs> = {
  ...gatewaysPortalEn,
  tab: "Payments",
  intro:
    "Connect the payment providers your customers pay with in the portal. Keys are stored encrypted and never shown again.",
  configured: "Set up",
  notConfigured: "Not set up",
  noCredentials: "Needs no keys.",
  stored: "Stored: {{value}}",
  keepSecret: "Leave empty to keep the stored value",
  save: "Save keys",
  saved: "Keys saved",
  remove: "Forget keys",
  removed: "Keys forgotten; the provider is turned off",
  test: "Test the connection",
  testOk: "The connection works",
  enabled: "Offer in the portal",
  enabledHint: "Can be turned on once its keys are stored. New invoices will offer it.",
  webhook: "Notification URL (webhook)",
  webhookHint: "Paste it in the provider's dashboard so it tells Portico about every payment.",
  events: "Events to subscribe to",
  copy: "Copy",
  copied: "Copied",
  invoice: {
    title: "Payment methods offered",
    intro:
      "The portal offers the ticked payment methods for this invoice. With all ticked, it follows the organisation.",
    none: "The organisation offers no online payments. Turn them on in Settings › Payments.",
    followsOrg: "Offers all of the organisation's",
    noneChecked: "With none ticked, the customer cannot pay this invoice online.",
    save: "Save payment methods",
    saved: "The invoice's payment methods are saved: the portal offers only those ticked",
  },
};
