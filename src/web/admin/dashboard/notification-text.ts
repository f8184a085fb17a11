import type { TFunction } from "i18next";
import type { Notification } from "../../../shared/contracts/index.js";
import type { Formatters } from "../../ui/format.js";

const KNOWN = [
  "invoice_viewed",
  "payment_received",
  "invoice_paid",
  "customer_details_updated",
  "quote_viewed",
  "quote_accepted",
  "quote_declined",
  "comment_added",
  "contact_added_by_share",
  "sales_order_viewed",
  "payment_failed",
  "refund_failed",
  "refund_unconfirmed",
  "payment_unapplied",
  "payment_disputed",
  "payment_mismatch",
  "timesheet_approved",
  "timesheet_rejected",
  "message_received",
  "review_written",
  "appointment_booked",
  "appointment_cancelled",
] as const;
type KnownType = (typeof KNOWN)[number];

function isKnown(type: string): type is KnownType {
  return (KNOWN as readonly string[]).includes(type);
}

/** The sentence for one notification in the UI language; `data` carries its parameters. */
export function notificationText(t: TFunction, f: Formatters, notification: Notification): string {
  const data = notification.data;
  if (!isKnown(notification.type)) return t("admin.notification.other");
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : "");
  const amount =
    typeof data.amountMinor === "number" && typeof data.currency === "string"
      ? f.money(data.amountMinor, data.currency)
      : "";
  if (notification.type === "customer_details_updated")
    return t("portalSettings.notifications.detailsUpdated", {
      contactName: text("contactName"),
      customerName: text("customerName"),
    });
  if (notification.type === "comment_added" || notification.type === "contact_added_by_share")
    return t(`comments.notification.${notification.type}`, {
      contactName: text("contactName"),
      customerName: text("customerName"),
      sharedBy: text("sharedBy"),
      number: text("number"),
    });
  if (notification.type === "timesheet_approved" || notification.type === "timesheet_rejected")
    return t(`timesheets.notification.${notification.type}`, {
      number: text("number"),
      customerName: text("customerName"),
      contactName: text("contactName"),
      reason: text("reason"),
    });
  if (notification.type === "message_received")
    return t("messages.notification.message_received", {
      contactName: text("contactName"),
      customerName: text("customerName"),
      number: text("number"),
    });
  if (notification.type === "review_written")
    return t(data.edited === 1 ? "reviews.notificationEdited" : "reviews.notification", {
      contactName: text("contactName"),
      customerName: text("customerName"),
      rating: typeof data.rating === "number" ? data.rating : "",
    });
  if (notification.type === "appointment_booked" || notification.type === "appointment_cancelled")
    return t(`appointments.notification.${notification.type}`, {
      customerName: text("customerName"),
      contactName: text("contactName"),
      when: text("number"),
    });
  if (notification.type === "sales_order_viewed")
    return t("salesOrders.viewedNotification", {
      number: text("number"),
      customerName: text("customerName"),
    });
  // A refusal with the provider's meaning (RedSys' code without a CP code), in the UI's language.
  const reason = text(f.locale === "es-ES" ? "reasonEs" : "reasonEn");
  if (notification.type === "payment_failed" && reason)
    return t("admin.notification.payment_declined", {
      amount,
      customerName: text("customerName"),
      number: text("number"),
      code: text("code"),
      reason,
    });
  // A provider's amount that is not the checkout's: both are shown (decision 024).
  const expected =
    typeof data.expectedMinor === "number" && typeof data.expectedCurrency === "string"
      ? f.money(data.expectedMinor, data.expectedCurrency)
      : "";
  return t(`admin.notification.${notification.type}`, {
    number: text("number"),
    customerName: text("customerName"),
    reference: text("reference"),
    amount,
    expected,
  });
}
