import { Anchor, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalSalesOrderSummary } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { type Column, ResponsiveTable } from "../../ui/responsive-table.js";
import { SALES_ORDER_STATUSES, SalesOrderStatusBadge } from "../../ui/sales-order-status-badge.js";
import { usePortalSalesOrders } from "./sales-orders-api.js";

/** E5: the customer's sales orders (never drafts); the server searches and filters. */
export function PortalSalesOrdersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const orders = usePortalSalesOrders({ status: status || undefined, q: q || undefined });
  const filtered = Boolean(status || q);
  const columns: Column<PortalSalesOrderSummary>[] = [
    {
      key: "number",
      header: t("salesOrders.number"),
      kind: "title",
      cell: (o) => (
        <Anchor component={Link} to={`/sales-orders/${o.id}`} fw={500}>
          {o.number}
        </Anchor>
      ),
    },
    { key: "reference", header: t("salesOrders.reference"), cell: (o) => o.reference ?? t("common.none") },
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
  ];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("salesOrders.portal.title")}
      </Title>
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t("salesOrders.statusFilter")}
          data={[
            { value: "", label: t("common.all") },
            ...SALES_ORDER_STATUSES.filter((s) => s !== "draft").map((s) => ({
              value: s,
              label: t(`salesOrders.statuses.${s}`),
            })),
          ]}
          value={status}
          onChange={(value) => setStatus(value ?? "")}
          allowDeselect={false}
          miw={180}
          maw={240}
        />
        <TextInput
          type="search"
          label={t("salesOrders.portalSearch")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          miw={200}
          maw={320}
        />
      </Group>
      <QueryList
        query={orders}
        isFiltered={filtered}
        noMatchesTitle={t("salesOrders.noMatches")}
        emptyTitle={t("salesOrders.portal.empty")}
      >
        {(rows) => (
          <ResponsiveTable
            minWidth={520}
            label={t("salesOrders.portal.title")}
            rows={rows}
            rowKey={(o) => o.id}
            columns={columns}
          />
        )}
      </QueryList>
    </Stack>
  );
}
