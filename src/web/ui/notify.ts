import { notifications } from "@mantine/notifications";

/** The green confirmation that an action went through. */
export function notifyDone(message: string) {
  notifications.show({ color: "green", message });
}
