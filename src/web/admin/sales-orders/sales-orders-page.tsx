import { Anchor, Button, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
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
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("salesOrders.number")}</Table.Th>
                  <Table.Th scope="col">{t("salesOrders.customer")}</Table.Th>
                  <Table.Th scope="col">{t("salesOrders.reference")}</Table.Th>
                  <Table.Th scope="col">{t("salesOrders.issueDate")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("salesOrders.total")}
                  </Table.Th>
                  <Table.Th scope="col">{t("salesOrders.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/sales-orders/${o.id}`} fw={500}>
                        {o.number ?? t("salesOrders.draft")}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{o.customerName}</Table.Td>
                    <Table.Td>{o.reference ?? t("common.none")}</Table.Td>
                    <Table.Td>{f.date(o.issueDate)}</Table.Td>
                    <Table.Td ta="right">{f.money(o.totalMinor, o.currency)}</Table.Td>
                    <Table.Td>
                      <SalesOrderStatusBadge status={o.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryList>
    </Stack>
  );
}
