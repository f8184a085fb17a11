import { Anchor, Card, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SalesOrderInvoice } from "../../shared/contracts/index.js";
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
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("salesOrders.invoiceNumber")}</Table.Th>
                <Table.Th scope="col">{t("salesOrders.issueDate")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("salesOrders.total")}
                </Table.Th>
                <Table.Th scope="col">{t("salesOrders.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.invoices.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={linkTo(i.id)}>
                      {i.number ?? t("invoice.draft")}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{f.date(i.issueDate)}</Table.Td>
                  <Table.Td ta="right">{f.money(i.totalMinor, order.currency)}</Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={i.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
