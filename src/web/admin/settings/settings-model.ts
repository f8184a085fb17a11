import {
  DEFAULT_NOTIFICATION_PREFS,
  type NotificationEvent,
  type PortalOptionKey,
} from "../../../shared/contracts/index.js";

/**
 * In the order of FEATURES.md C4. Only options whose portal feature exists are shown: messages (E10) are
 * not built yet, so their stored option stays hidden here until they are (the server keeps and enforces
 * it; messages default to off). Projects and timesheets (E7, E8) and appointments (E13) exist.
 */
export const SHOWN_PORTAL_OPTIONS: { key: PortalOptionKey; help?: "showBankAccountHelp" }[] = [
  { key: "showAddress" },
  { key: "showPhones" },
  { key: "showSocial" },
  { key: "showBankAccount", help: "showBankAccountHelp" },
  { key: "allowQuoteAcceptance" },
  { key: "showSalesOrders" },
  { key: "allowPaypal" },
  { key: "showProjects" },
  { key: "allowMessages" },
  { key: "allowAppointments" },
];

/** Every C5 preference the API has, in the contract's order: a new event shows up in the tab by itself. */
export const NOTIFICATION_EVENTS = Object.keys(DEFAULT_NOTIFICATION_PREFS) as NotificationEvent[];
