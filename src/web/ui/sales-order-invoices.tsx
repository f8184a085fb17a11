import { Anchor, Card, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SalesOrderInvoice } from "../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "./column-table.js";
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
        <ColumnTable<SalesOrderInvoice>
          minWidth={360}
          rows={order.invoices}
          rowKey={(i) => i.id}
          columns={[
            column("number", t("salesOrders.invoiceNumber"), (i) => (
              <Anchor component={Link} to={linkTo(i.id)}>
                {i.number ?? t("invoice.draft")}
              </Anchor>
            )),
            column("issueDate", t("salesOrders.issueDate"), (i) => f.date(i.issueDate)),
            amountColumn("total", t("salesOrders.total"), (i) => f.money(i.totalMinor, order.currency)),
            column("status", t("salesOrders.status"), (i) => <InvoiceStatusBadge status={i.status} />),
          ]}
        />
      )}
    </Card>
  );
}
