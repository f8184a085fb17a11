import { Anchor, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { methodLabel } from "./payment-method.js";
import { usePortalPayments } from "./payments-api.js";

const SORTS = {
  newest: { sort: "date", dir: "desc" },
  oldest: { sort: "date", dir: "asc" },
  largest: { sort: "amount", dir: "desc" },
  smallest: { sort: "amount", dir: "asc" },
} as const;
type SortKey = keyof typeof SORTS;

/** E6: the customer's payments, online and offline; the server filters and sorts. */
export function PortalPaymentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<"all" | "invoice">("all");
  const [sort, setSort] = useState<SortKey>("newest");
  const payments = usePortalPayments({ filter, ...SORTS[sort] });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("receipts.list.title")}
      </Title>
      <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t("receipts.list.filter")}
          data={[
            { value: "all", label: t("receipts.list.filterAll") },
            { value: "invoice", label: t("receipts.list.filterInvoice") },
          ]}
          value={filter}
          onChange={(value) => setFilter(value === "invoice" ? "invoice" : "all")}
          allowDeselect={false}
          miw={200}
          maw={260}
        />
        <Select
          label={t("receipts.list.sort")}
          data={(Object.keys(SORTS) as SortKey[]).map((key) => ({
            value: key,
            label: t(`receipts.list.${key}`),
          }))}
          value={sort}
          onChange={(value) => setSort((value as SortKey | null) ?? "newest")}
          allowDeselect={false}
          miw={200}
          maw={280}
        />
      </Group>
      <QueryList
        query={payments}
        isFiltered={filter === "invoice"}
        noMatchesTitle={t("receipts.list.noInvoicePayments")}
        emptyTitle={t("receipts.list.empty")}
        emptyDescription={t("receipts.list.emptyBody")}
      >
        {(rows) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped highlightOnHover aria-label={t("receipts.list.caption")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("receipts.list.receipt")}</Table.Th>
                  <Table.Th scope="col">{t("receipts.list.date")}</Table.Th>
                  <Table.Th scope="col">{t("receipts.list.method")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("receipts.list.amount")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/payments/${p.id}`} fw={500}>
                        {p.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{f.date(p.paidOn)}</Table.Td>
                    <Table.Td>{methodLabel(t, p.method, p.gateway)}</Table.Td>
                    <Table.Td ta="right">
                      {f.money(p.amountMinor, p.currency)}
                      {p.refundedMinor > 0 ? (
                        <Text size="xs" c="dimmed">
                          {t("receipts.list.refunded")}: {f.money(p.refundedMinor, p.currency)}
                        </Text>
                      ) : null}
                      {p.unappliedMinor > 0 ? (
                        <Text size="xs" c="dimmed">
                          {t("receipts.list.unapplied")}: {f.money(p.unappliedMinor, p.currency)}
                        </Text>
                      ) : null}
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
