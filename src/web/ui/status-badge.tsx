import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InvoiceStatus } from "../../shared/contracts/index.js";

const COLORS: Record<InvoiceStatus, string> = {
  draft: "gray",
  issued: "blue",
  sent: "indigo",
  viewed: "cyan",
  partially_paid: "yellow",
  paid: "green",
  void: "dark",
};

export function InvoiceStatusBadge({
  status,
  isOverdue = false,
}: {
  status: InvoiceStatus;
  isOverdue?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLORS[status]} variant={status === "paid" ? "filled" : "light"}>
        {t(`status.${status}`)}
      </Badge>
      {isOverdue && status !== "paid" && status !== "void" ? (
        <Badge color="red" variant="filled">
          {t("status.overdue")}
        </Badge>
      ) : null}
    </Group>
  );
}
