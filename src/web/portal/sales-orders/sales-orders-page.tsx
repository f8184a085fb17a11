import { Anchor, Group, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
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
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("salesOrders.number")}</Table.Th>
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
                        {o.number}
                      </Anchor>
                    </Table.Td>
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
