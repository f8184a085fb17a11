import { Anchor, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { SALES_ORDER_STATUSES, SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { ListFilters, useListParams } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useSalesOrders } from "./sales-orders-api.js";

export function SalesOrdersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const params = useListParams();
  const { status, customerId, q, filtered } = params;
  const orders = useSalesOrders({
    status: status || undefined,
    customerId: customerId || undefined,
    q: q || undefined,
  });

  const newButton = (
    <Button component={Link} to="/sales-orders/new">
      {t("salesOrders.new")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("salesOrders.title")} actions={newButton} />
      <ListFilters
        params={params}
        statusLabel={t("salesOrders.statusFilter")}
        statuses={SALES_ORDER_STATUSES.map((s) => ({ value: s, label: t(`salesOrders.statuses.${s}`) }))}
        customerLabel={t("salesOrders.customerFilter")}
        searchLabel={t("salesOrders.search")}
      />
      <QueryList
        query={orders}
        isFiltered={filtered}
        noMatchesTitle={t("salesOrders.noMatches")}
        emptyTitle={t("salesOrders.emptyTitle")}
        emptyDescription={t("salesOrders.emptyDescription")}
        emptyAction={newButton}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={720}
            label={t("salesOrders.title")}
            rows={rows}
            rowKey={(o) => o.id}
            columns={[
              {
                key: "number",
                header: t("salesOrders.number"),
                kind: "title",
                cell: (o) => (
                  <Anchor component={Link} to={`/sales-orders/${o.id}`} fw={500}>
                    {o.number ?? t("salesOrders.draft")}
                  </Anchor>
                ),
              },
              { key: "customer", header: t("salesOrders.customer"), cell: (o) => o.customerName },
              {
                key: "reference",
                header: t("salesOrders.reference"),
                cell: (o) => o.reference ?? t("common.none"),
              },
              { key: "issued", header: t("salesOrders.issueDate"), cell: (o) => f.date(o.issueDate) },
              {
                key: "total",
                header: t("salesOrders.total"),
                kind: "money",
                cell: (o) => f.money(o.totalMinor, o.currency),
              },
              {
                key: "status",
                header: t("salesOrders.status"),
                kind: "aside",
                cell: (o) => <SalesOrderStatusBadge status={o.status} />,
              },
            ]}
          />
        )}
      </QueryList>
    </Stack>
  );
}
