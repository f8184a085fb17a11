import { desc, isNull, sql } from "drizzle-orm";
import type { Notification } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { notifications } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { queueStaffEmail, type StaffMail } from "./staff-email.js";

export type NotificationType =
  | "invoice_viewed"
  | "payment_received"
  | "invoice_paid"
  | "customer_details_updated"
  | "quote_viewed"
  | "quote_accepted"
  | "quote_declined"
  | "comment_added"
  | "contact_added_by_share"
  | "sales_order_viewed"
  | "payment_failed"
  | "refund_failed"
  | "refund_unconfirmed"
  | "payment_unapplied"
  | "payment_disputed"
  | "payment_mismatch"
  | "timesheet_approved"
  | "timesheet_rejected"
  | "appointment_booked"
  | "appointment_cancelled"
  | "message_received"
  | "review_written";

/**
 * Records an event for the organisation's staff (A13), callable from staff and contact scopes: the
 * back-office notification always, and an email to the organisation when its C5 preference for the
 * event is on (see staff-email.ts). Both are written in the caller's transaction, so a rolled-back
 * action leaves neither; the caller delivers queued email after commit (`mail.mailer.deliverQueued()`).
 */
export async function notify(
  tx: Tx,
  mail: StaffMail,
  orgId: string,
  type: NotificationType,
  data: Record<string, string | number | null>,
): Promise<void> {
  await tx.insert(notifications).values({ orgId, type, data });
  await queueStaffEmail(tx, mail, orgId, type, data);
}

export function listNotifications(db: Db, orgId: string): Promise<{ items: Notification[]; unread: number }> {
  return withOrg(db, orgId, async (tx) => {
    // The unread count rides on the list's rows (one statement, issue 14): no rows means none unread.
    const rows = await tx
      .select({
        n: notifications,
        unread: sql<number>`(select count(*)::int from ${notifications} u where u.read_at is null)`,
      })
      .from(notifications)
      .orderBy(desc(notifications.createdAt))
      .limit(100);
    return {
      items: rows.map(({ n }) => ({
        id: n.id,
        type: n.type,
        data: n.data,
        readAt: n.readAt?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
      })),
      unread: rows[0]?.unread ?? 0,
    };
  });
}

export function markAllRead(db: Db, orgId: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    await tx.update(notifications).set({ readAt: clock.now() }).where(isNull(notifications.readAt));
  });
}
