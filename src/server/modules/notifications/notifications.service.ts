import { and, eq, isNull, sql } from "drizzle-orm";
import type { NotificationList } from "../../../shared/contracts/answers.js";
import type { Notification, NotificationListQuery } from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { notifications } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
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

const notificationOrder: KeysetOrder = {
  name: "created",
  key: notifications.createdAt,
  cast: "timestamptz",
  id: notifications.id,
};

const unreadCount = sql<number>`(select count(*)::int from ${notifications} u where u.read_at is null)`;

const toNotification = (n: typeof notifications.$inferSelect): Notification => ({
  id: n.id,
  type: n.type,
  data: n.data,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

/**
 * A keyset page of the organisation's notifications, newest first (issue 19, decision 066), and how many
 * are unread in all. The unread count rides on the page's rows (one statement, issue 14); an empty page
 * asks for it on its own.
 */
export function listNotifications(
  db: Db,
  orgId: string,
  query: NotificationListQuery,
): Promise<NotificationList> {
  return withOrg(db, orgId, async (tx) => {
    let unread: number | undefined;
    const page = await readPage(notificationOrder, orgId, query, async (plan) => {
      const ks = keysetSql(notificationOrder, plan);
      const rows = await tx
        .select({ n: notifications, unread: unreadCount, sortKey: ks.sortKey })
        .from(notifications)
        .where(
          and(
            eq(notifications.orgId, orgId),
            query.unread ? isNull(notifications.readAt) : undefined,
            ks.where,
          ),
        )
        .orderBy(...ks.orderBy)
        .limit(plan.limit);
      unread = rows[0]?.unread;
      return rows.map((r) => ({ item: toNotification(r.n), key: r.sortKey, id: r.n.id }));
    });
    if (unread === undefined) {
      const [row] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(notifications)
        .where(isNull(notifications.readAt));
      unread = row?.count ?? 0;
    }
    return { ...page, unread: Number(unread) };
  });
}

export function markAllRead(db: Db, orgId: string): Promise<void> {
  return withOrg(db, orgId, async (tx) => {
    await tx.update(notifications).set({ readAt: clock.now() }).where(isNull(notifications.readAt));
  });
}
