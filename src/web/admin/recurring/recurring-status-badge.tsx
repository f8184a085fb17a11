import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RecurringStatus } from "../../../shared/contracts/recurring-values.js";

const COLORS: Record<RecurringStatus, string> = {
  active: "green",
  paused: "yellow",
  stopped: "gray",
  ended: "blue",
};

export function RecurringStatusBadge({ status }: { status: RecurringStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`recurring.statuses.${status}`)}
    </Badge>
  );
}
