import { z } from "zod";
import { uuid } from "./common.js";

/** type: invoice_viewed | payment_received …; `data` holds the parameters the UI renders per language. */
export const notification = z.object({
  id: uuid,
  type: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notification>;
export const notificationList = z.object({ items: z.array(notification), unread: z.number().int() });
