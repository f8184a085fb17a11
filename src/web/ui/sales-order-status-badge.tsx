import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SalesOrderStatus } from "../../shared/contracts/index.js";

const COLORS: Record<SalesOrderStatus, string> = {
  draft: "gray",
  confirmed: "blue",
  partially_invoiced: "yellow",
  invoiced: "green",
  void: "dark",
};

export const SALES_ORDER_STATUSES = Object.keys(COLORS) as SalesOrderStatus[];

/** Shared by the back office and the portal. */
export function SalesOrderStatusBadge({ status }: { status: SalesOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === "invoiced" ? "filled" : "light"}>
      {t(`salesOrders.statuses.${status}`)}
    </Badge>
  );
}
