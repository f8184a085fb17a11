import { z } from "zod";

/**
 * C4: what the portal shows and allows. Each option is enforced by modules/portal/portal-policy.ts on the
 * server (a hidden feature is refused by the API too) and read by the portal app to hide it on screen.
 * Options of features that have not landed yet (appointments) are stored, so an
 * organisation's choice holds when the feature arrives, but the back office does not show them until then;
 * messages default to off, so a new organisation does not promise them.
 */
export const portalOptionsShape = {
  /** Contacts may send messages to the organisation (E10). */
  allowMessages: z.boolean(),
  /** Show the organisation's postal address. */
  showAddress: z.boolean(),
  /** Show the organisation's phone numbers. */
  showPhones: z.boolean(),
  /** Show the organisation's social network links. */
  showSocial: z.boolean(),
  /** Offer PayPal (F1) where the gateway is set up. */
  allowPaypal: z.boolean(),
  /** Show the bank account (IBAN/BIC) as a way to pay by transfer. */
  showBankAccount: z.boolean(),
  /** Contacts may accept or decline quotes (E4). */
  allowQuoteAcceptance: z.boolean(),
  /** Show sales orders (E5). */
  showSalesOrders: z.boolean(),
  /** Show projects and timesheets (E7, E8). */
  showProjects: z.boolean(),
  /** Contacts may book appointments (E13). */
  allowAppointments: z.boolean(),
};
export const portalOptions = z.object(portalOptionsShape);
export type PortalOptions = z.infer<typeof portalOptions>;
export type PortalOptionKey = keyof PortalOptions;

export const DEFAULT_PORTAL_OPTIONS: PortalOptions = {
  allowMessages: false,
  showAddress: true,
  showPhones: true,
  showSocial: true,
  allowPaypal: false,
  showBankAccount: true,
  allowQuoteAcceptance: true,
  showSalesOrders: true,
  showProjects: false,
  allowAppointments: false,
};

/**
 * C5: which events email the organisation (they always appear in the back office). A module that adds
 * an event adds its key here; a stored preference without the key takes the default.
 */
export const notificationPrefsShape = {
  invoice_viewed: z.boolean(),
  payment_received: z.boolean(),
  customer_details_updated: z.boolean(),
  quote_viewed: z.boolean(),
  quote_accepted: z.boolean(),
  quote_declined: z.boolean(),
  comment_added: z.boolean(),
  sales_order_viewed: z.boolean(),
  // Issue 13: online payments going wrong (decision 024); on by default, each needs someone to act.
  payment_failed: z.boolean(),
  payment_disputed: z.boolean(),
  payment_mismatch: z.boolean(),
  payment_unapplied: z.boolean(),
  refund_failed: z.boolean(),
  refund_unconfirmed: z.boolean(),
  // Issue 15 §5: a customer decided a timesheet (decision 040).
  timesheet_approved: z.boolean(),
  timesheet_rejected: z.boolean(),
  // Issue 16: messages (E10), reviews (E11) and appointments (E13); on by default (decision 044).
  message_received: z.boolean(),
  review_written: z.boolean(),
  appointment_booked: z.boolean(),
  appointment_cancelled: z.boolean(),
};
export const notificationPrefs = z.object(notificationPrefsShape);
export type NotificationPrefs = z.infer<typeof notificationPrefs>;
export type NotificationEvent = keyof NotificationPrefs;

export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  invoice_viewed: false,
  payment_received: true,
  customer_details_updated: true,
  quote_viewed: false,
  quote_accepted: true,
  quote_declined: true,
  comment_added: true,
  sales_order_viewed: false,
  payment_failed: true,
  payment_disputed: true,
  payment_mismatch: true,
  payment_unapplied: true,
  refund_failed: true,
  refund_unconfirmed: true,
  timesheet_approved: true,
  timesheet_rejected: true,
  message_received: true,
  review_written: true,
  appointment_booked: true,
  appointment_cancelled: true,
};
