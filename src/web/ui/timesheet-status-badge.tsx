import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TimesheetStatus } from "../../shared/contracts/index.js";

const COLORS: Record<TimesheetStatus, string> = {
  pending: "yellow",
  approved: "green",
  rejected: "red",
  withdrawn: "gray",
};

export function TimesheetStatusBadge({ status }: { status: TimesheetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`timesheets.statuses.${status}`)}
    </Badge>
  );
}
