import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { InvoiceStatus, QuoteStatus } from "../../shared/contracts/index.js";
import { isOpenStatus } from "../../shared/document-facts.js";

const COLORS: Record<InvoiceStatus, string> = {
  draft: "gray",
  issued: "blue",
  sent: "indigo",
  viewed: "cyan",
  partially_paid: "yellow",
  paid: "green",
  closed: "teal",
  void: "dark",
};

export function InvoiceStatusBadge({
  status,
  isOverdue = false,
  paymentProcessing = false,
}: {
  status: InvoiceStatus;
  isOverdue?: boolean;
  /** A payment the provider accepted has not settled (a SEPA debit, issue 13). */
  paymentProcessing?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLORS[status]} variant={status === "paid" ? "filled" : "light"}>
        {t(`status.${status}`)}
      </Badge>
      {/* A cached isOverdue may outlive a payment: overdue only while the status is still open. */}
      {isOverdue && isOpenStatus(status) ? (
        <Badge color="red" variant="filled">
          {t("status.overdue")}
        </Badge>
      ) : null}
      {paymentProcessing && isOpenStatus(status) ? (
        <Badge color="blue" variant="outline">
          {t("gateways.processing")}
        </Badge>
      ) : null}
    </Group>
  );
}

const QUOTE_COLORS: Record<QuoteStatus, string> = {
  draft: "gray",
  sent: "indigo",
  viewed: "cyan",
  accepted: "green",
  declined: "red",
  expired: "orange",
  superseded: "gray",
  invoiced: "teal",
};

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={QUOTE_COLORS[status]} variant={status === "accepted" ? "filled" : "light"}>
      {t(`quotes.status.${status}`)}
    </Badge>
  );
}
