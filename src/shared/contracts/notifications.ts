import { z } from "zod";
import { uuid } from "./common.js";
import { listQuery, pageLinks } from "./list-page.js";

/** type: invoice_viewed | payment_received …; `data` holds the parameters the UI renders per language. */
export const notification = z.object({
  id: uuid,
  type: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;
/** The staff notifications, newest first a keyset page at a time (issue 19, decision 066). */
export const notificationListQuery = listQuery(
  {
    /** "true": only those not read yet. */
    unread: z.stringbool().optional(),
  },
  z.enum(["created"]),
);
export type NotificationListQuery = z.output<typeof notificationListQuery>;
/** A page of notifications, and how many of the organisation's are unread in all (the bell's figure). */
export const notificationList = z.object({
  items: z.array(notification),
  page: pageLinks,
  unread: z.number().int(),
});
