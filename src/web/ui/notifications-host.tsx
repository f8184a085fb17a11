import "@mantine/core/styles/Notification.css";
import "@mantine/notifications/styles.css";

// In a chunk of its own: the toasts' renderer (and its transitions) loads with the first toast; the store
// behind `notifications.show` is in the first load, so a toast shown before this arrives still appears.
export { Notifications as NotificationsHost } from "@mantine/notifications";
