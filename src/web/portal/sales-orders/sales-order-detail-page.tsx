import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalSalesOrderDetail } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { InvoiceLinesTable } from "../../ui/invoice-lines-table.js";
import { TaxBreakdownTable, TotalsTable } from "../../ui/invoice-totals.js";
import { LongText } from "../../ui/long-text.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { OrderInvoices } from "../../ui/sales-order-invoices.js";
import { SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { usePdfHref } from "../pdf-href.js";
import { ShareDocument } from "../share-document.js";
import { portalApi } from "../slug.js";
import { usePortalSalesOrder } from "./sales-orders-api.js";

export function PortalSalesOrderDetailPage() {
  const { id = "" } = useParams();
  const order = usePortalSalesOrder(id);
  if (order.isPending) return <PageLoader />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  return <OrderView order={order.data} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function OrderView({ order }: { order: PortalSalesOrderDetail }) {
  const { t } = useTranslation();
  const pdfHref = usePdfHref(portalApi(`/sales-orders/${order.id}/pdf`));
  const f = useFormat();
  return (
    <Stack>
      <Anchor component={Link} to="/sales-orders" size="sm" data-print="hide">
        {t("salesOrders.portal.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t("salesOrders.detailTitle", { number: order.number ?? "" })}
          </Title>
          <SalesOrderStatusBadge status={order.status} />
        </Group>
        <Group gap="xs" data-print="hide">
          <Button component="a" href={pdfHref} download variant="default">
            {t("salesOrders.actions.pdf")}
          </Button>
          <ShareDocument documentType="sales_order" documentId={order.id} />
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Fact label={t("salesOrders.issueDate")}>{f.date(order.issueDate)}</Fact>
          <Fact label={t("salesOrders.deliveryDate")}>{f.date(order.deliveryDate)}</Fact>
          <Fact label={t("salesOrders.reference")}>{order.reference ?? t("common.none")}</Fact>
          <Fact label={t("salesOrders.total")}>{f.money(order.totalMinor, order.currency)}</Fact>
        </SimpleGrid>
      </Card>
      <InvoiceLinesTable lines={order.lines} currency={order.currency} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TaxBreakdownTable totals={order} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TotalsTable totals={order} />
        </Grid.Col>
      </Grid>
      {order.notes ? <LongText label={t("invoice.notes")} text={order.notes} /> : null}
      {order.terms ? <LongText label={t("invoice.terms")} text={order.terms} /> : null}
      <OrderInvoices order={order} linkTo={(id) => `/invoices/${id}`} />
    </Stack>
  );
}
