import { ActionIcon, Indicator } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useNotifications } from "../dashboard/notifications-api.js";

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? "99+" : unread} size={16} disabled={unread === 0} color="red" offset={4}>
      <ActionIcon
        component={Link}
        to="/#notifications"
        variant="subtle"
        size="lg"
        aria-label={t("admin.nav.notifications", { count: unread })}
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
