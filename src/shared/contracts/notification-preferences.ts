import { z } from "zod";
import { DEFAULT_NOTIFICATION_PREFS, type NotificationEvent, notificationPrefs } from "./portal-options.js";

export const notificationEvent = z.enum(
  Object.keys(DEFAULT_NOTIFICATION_PREFS) as [NotificationEvent, ...NotificationEvent[]],
);

/**
 * The A13 events in the groups the settings page shows them (decision 044); every event is in one group
 * (a test checks it), so an event a module adds must be placed here too.
 */
export const NOTIFICATION_GROUPS: { id: string; events: NotificationEvent[] }[] = [
  {
    id: "documents",
    events: [
      "invoice_viewed",
      "quote_viewed",
      "quote_accepted",
      "quote_declined",
      "sales_order_viewed",
      "comment_added",
    ],
  },
  {
    id: "payments",
    events: [
      "payment_received",
      "payment_failed",
      "payment_disputed",
      "payment_mismatch",
      "payment_unapplied",
      "refund_failed",
      "refund_unconfirmed",
    ],
  },
  { id: "timesheets", events: ["timesheet_approved", "timesheet_rejected"] },
  { id: "customers", events: ["customer_details_updated"] },
  {
    id: "relationship",
    events: ["message_received", "review_written", "appointment_booked", "appointment_cancelled"],
  },
];

/** A member's own email notices (C5 per member, decision 044). */
export const myNotificationPrefs = z.object({
  /** The organisation has no email address of its own: its notices go to its owners and admins. */
  emailsGoToMembers: z.boolean(),
  /** This member is one of those who get them (an owner or admin). */
  receivesEmails: z.boolean(),
  /** The organisation's switches: an event it turned off emails nobody. */
  organisation: notificationPrefs,
  /** Events this member turned off for themselves. */
  muted: z.array(notificationEvent),
});
export type MyNotificationPrefs = z.infer<typeof myNotificationPrefs>;
export const myNotificationPrefsBody = z.object({ muted: z.array(notificationEvent).max(50) });
export type MyNotificationPrefsBody = z.infer<typeof myNotificationPrefsBody>;

/** An unsubscribe link's token (base64url payload and signature), in the query: it is longer than a path segment may be. */
export const unsubscribeQuery = z.object({ token: z.string().min(1).max(400) });

/** What an unsubscribe link turns off, and whether it is off now. */
export const unsubscribeState = z.object({
  event: notificationEvent,
  /** The organisation's inbox (its preference for everyone) or one member's own email. */
  recipient: z.enum(["organisation", "member"]),
  orgName: z.string(),
  address: z.string(),
  /** Whether this recipient still gets this event by email. */
  emailed: z.boolean(),
});
export type UnsubscribeState = z.infer<typeof unsubscribeState>;
