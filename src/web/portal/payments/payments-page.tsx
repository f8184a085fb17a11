import { Anchor, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PortalPaymentSummary } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { QueryList } from "../../ui/query-states.js";
import { type Column, ResponsiveTable } from "../../ui/responsive-table.js";
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
  const columns: Column<PortalPaymentSummary>[] = [
    {
      key: "receipt",
      header: t("receipts.list.receipt"),
      kind: "title",
      cell: (p) => (
        <Anchor component={Link} to={`/payments/${p.id}`} fw={500}>
          {p.number}
        </Anchor>
      ),
    },
    { key: "date", header: t("receipts.list.date"), kind: "aside", cell: (p) => f.date(p.paidOn) },
    { key: "method", header: t("receipts.list.method"), cell: (p) => methodLabel(t, p.method, p.gateway) },
    {
      key: "amount",
      header: t("receipts.list.amount"),
      kind: "money",
      cell: (p) => (
        <>
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
        </>
      ),
    },
  ];
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
          <ResponsiveTable
            minWidth={560}
            label={t("receipts.list.caption")}
            rows={rows}
            rowKey={(p) => p.id}
            columns={columns}
          />
        )}
      </QueryList>
    </Stack>
  );
}
