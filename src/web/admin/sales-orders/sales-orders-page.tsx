import { Anchor, Button, EmptyState, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { SALES_ORDER_STATUSES, SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";
import { useSalesOrders } from "./sales-orders-api.js";

export function SalesOrdersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const customerId = params.get("customerId") ?? "";
  const search = params.get("q") ?? "";
  const [q] = useDebouncedValue(search.trim(), 300);
  const customers = useCustomers("");
  const orders = useSalesOrders({
    status: status || undefined,
    customerId: customerId || undefined,
    q: q || undefined,
  });
  const filtered = Boolean(status || q || customerId);

  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const newButton = (
    <Button component={Link} to="/sales-orders/new">
      {t("salesOrders.new")}
    </Button>
  );

  return (
    <Stack>
      <PageHeader title={t("salesOrders.title")} actions={newButton} />
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t("salesOrders.statusFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...SALES_ORDER_STATUSES.map((s) => ({ value: s, label: t(`salesOrders.statuses.${s}`) })),
          ]}
          value={status}
          onChange={(value) => setParam("status", value ?? "")}
          allowDeselect={false}
          miw={180}
          maw={240}
        />
        <Select
          label={t("salesOrders.customerFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...(customers.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={customerId}
          onChange={(value) => setParam("customerId", value ?? "")}
          searchable
          allowDeselect={false}
          miw={180}
          maw={280}
        />
        <TextInput
          type="search"
          label={t("salesOrders.search")}
          value={search}
          onChange={(e) => setParam("q", e.currentTarget.value)}
          miw={200}
          maw={400}
        />
      </Group>
      {orders.isPending ? <PageLoader /> : null}
      {orders.isError ? <ErrorState error={orders.error} onRetry={() => void orders.refetch()} /> : null}
      {orders.data?.length === 0 ? (
        filtered ? (
          <EmptyState title={t("salesOrders.noMatches")} py="lg" />
        ) : (
          <EmptyState
            title={t("salesOrders.emptyTitle")}
            description={t("salesOrders.emptyDescription")}
            py="xl"
          >
            <EmptyState.Actions>{newButton}</EmptyState.Actions>
          </EmptyState>
        )
      ) : null}
      {orders.data && orders.data.length > 0 ? (
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
              {orders.data.map((o) => (
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
      ) : null}
    </Stack>
  );
}
