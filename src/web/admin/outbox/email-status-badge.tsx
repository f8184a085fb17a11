import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { EmailSummary } from "../../../shared/contracts/index.js";

const COLORS: Record<EmailSummary["status"], string> = {
  outbox: "blue",
  queued: "yellow",
  sent: "green",
  failed: "red",
};

export function EmailStatusBadge({ status }: { status: EmailSummary["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`admin.outbox.statuses.${status}`)}
    </Badge>
  );
}
