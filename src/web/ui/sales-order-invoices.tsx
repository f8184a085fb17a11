import { Anchor, Card, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SalesOrderInvoice } from "../../shared/contracts/index.js";
import { ColumnTable } from "./column-table.js";
import { useFormat } from "./format.js";
import { InvoiceStatusBadge } from "./status-badge.js";

/** The invoices that fulfil the order; in the back office and the portal. */
export function OrderInvoices({
  order,
  linkTo,
}: {
  order: { invoices: SalesOrderInvoice[]; currency: string };
  linkTo: (id: string) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card withBorder component="section" aria-labelledby="order-invoices-title">
      <Title order={2} size="h4" mb="xs" id="order-invoices-title">
        {t("salesOrders.invoices")}
      </Title>
      {order.invoices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("salesOrders.noInvoices")}
        </Text>
      ) : (
        <ColumnTable
          minWidth={360}
          rows={order.invoices}
          rowKey={(i) => i.id}
          columns={[
            {
              key: "number",
              header: t("salesOrders.invoiceNumber"),
              cell: (i) => (
                <Anchor component={Link} to={linkTo(i.id)}>
                  {i.number ?? t("invoice.draft")}
                </Anchor>
              ),
            },
            { key: "issueDate", header: t("salesOrders.issueDate"), cell: (i) => f.date(i.issueDate) },
            {
              key: "total",
              header: t("salesOrders.total"),
              align: "right",
              cell: (i) => f.money(i.totalMinor, order.currency),
            },
            {
              key: "status",
              header: t("salesOrders.status"),
              cell: (i) => <InvoiceStatusBadge status={i.status} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
