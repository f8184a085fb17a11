import { Anchor, Button, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RecurringProfileSummary } from "../../../shared/contracts/recurring.js";
import { RECURRING_STATUSES } from "../../../shared/contracts/recurring-values.js";
import { useFormat } from "../../ui/format.js";
import { CurrencyFilter, SelectFilter } from "../../ui/lists/filter-controls.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useRecurringList, useRecurringPage } from "./recurring-list.js";
import { RecurringStatusBadge } from "./recurring-status-badge.js";

/**
 * Recurring invoices: every profile, a keyset page at a time (issue 19), by next run, name, customer or
 * amount; filtered by status, customer and currency, all kept in the address.
 */
export function RecurringListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useRecurringList();
  const { page, totals } = useRecurringPage(list);
  const newButton = (
    <Button component={Link} to="/recurring/new">
      {t("recurring.newProfile")}
    </Button>
  );
  return (
    <PagedList<RecurringProfileSummary>
      list={list}
      header={
        <>
          <PageHeader title={t("recurring.title")} actions={newButton} />
          <Text c="dimmed">{t("recurring.intro")}</Text>
        </>
      }
      filters={
        <>
          <SelectFilter
            list={list}
            name="status"
            label={t("recurring.status")}
            options={RECURRING_STATUSES.map((s) => ({ value: s, label: t(`recurring.statuses.${s}`) }))}
          />
          <CustomerFilter label={t("recurring.customer")} list={list} />
          <CurrencyFilter list={list} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{ count: (count) => t("recurring.count", { count }), amount: t("recurring.amount") }}
      text={{
        title: t("recurring.title"),
        noMatches: t("recurring.noMatches"),
        empty: t("recurring.emptyTitle"),
        emptyDescription: t("recurring.emptyDescription"),
      }}
      emptyAction={newButton}
      minWidth={820}
      columns={[
        {
          key: "name",
          header: t("recurring.name"),
          kind: "title",
          cell: (p) => (
            <Anchor component={Link} to={`/recurring/${p.id}`} fw={500}>
              {p.name}
            </Anchor>
          ),
          sort: "name",
        },
        { key: "customer", header: t("recurring.customer"), cell: (p) => p.customerName, sort: "customer" },
        {
          key: "frequency",
          header: t("recurring.frequency"),
          cell: (p) => t(`recurring.frequencies.${p.frequency}`),
          hideOnPhone: true,
        },
        {
          key: "status",
          header: t("recurring.status"),
          cell: (p) => <RecurringStatusBadge status={p.status} />,
        },
        {
          key: "next",
          header: t("recurring.nextDate"),
          kind: "aside",
          cell: (p) => (p.nextDate ? f.date(p.nextDate) : t("common.none")),
          sort: "next",
        },
        {
          key: "amount",
          header: t("recurring.amount"),
          kind: "money",
          cell: (p) => f.money(p.netMinor, p.currency),
          sort: "amount",
        },
        {
          key: "made",
          header: t("recurring.invoicesMade"),
          cell: (p) => p.invoicesMade,
          hideOnPhone: true,
        },
      ]}
    />
  );
}
