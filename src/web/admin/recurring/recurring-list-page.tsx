import { Anchor, Button, EmptyState, SegmentedControl, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { RecurringProfileSummary } from "../../../shared/contracts/recurring.js";
import { RECURRING_STATUSES } from "../../../shared/contracts/recurring-values.js";
import { ColumnTable, column } from "../../ui/column-table.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { useRecurringProfiles } from "./recurring-api.js";
import { RecurringStatusBadge } from "./recurring-status-badge.js";

/** Recurring invoices: every profile with its status and next date, filtered by status in the address. */
export function RecurringListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const status = (RECURRING_STATUSES as readonly string[]).includes(params.get("status") ?? "")
    ? (params.get("status") ?? "")
    : "";
  const profiles = useRecurringProfiles(status);
  const columns = [
    column<RecurringProfileSummary>(
      "name",
      t("recurring.name"),
      (p) => (
        <Anchor component={Link} to={`/recurring/${p.id}`}>
          {p.name}
        </Anchor>
      ),
      { rowHeader: 240 },
    ),
    column<RecurringProfileSummary>("customer", t("recurring.customer"), (p) => p.customerName),
    column<RecurringProfileSummary>("frequency", t("recurring.frequency"), (p) =>
      t(`recurring.frequencies.${p.frequency}`),
    ),
    column<RecurringProfileSummary>("status", t("recurring.status"), (p) => (
      <RecurringStatusBadge status={p.status} />
    )),
    column<RecurringProfileSummary>("next", t("recurring.nextDate"), (p) =>
      p.nextDate ? f.date(p.nextDate) : t("common.none"),
    ),
    column<RecurringProfileSummary>("made", t("recurring.invoicesMade"), (p) => p.invoicesMade),
  ];
  return (
    <Stack>
      <PageHeader
        title={t("recurring.title")}
        actions={
          <Button component={Link} to="/recurring/new">
            {t("recurring.newProfile")}
          </Button>
        }
      />
      <Text c="dimmed">{t("recurring.intro")}</Text>
      <SegmentedControl
        aria-label={t("recurring.status")}
        value={status}
        onChange={(value) => setParams(value ? { status: value } : {})}
        data={[
          { value: "", label: t("common.all") },
          ...RECURRING_STATUSES.map((s) => ({ value: s, label: t(`recurring.statuses.${s}`) })),
        ]}
      />
      {profiles.isPending ? <PageLoader /> : null}
      {profiles.isError ? (
        <ErrorState error={profiles.error} onRetry={() => void profiles.refetch()} />
      ) : null}
      {profiles.data?.length === 0 ? (
        <EmptyState title={t("recurring.emptyTitle")} description={t("recurring.emptyDescription")} />
      ) : null}
      {profiles.data && profiles.data.length > 0 ? (
        <ColumnTable
          columns={columns}
          rows={profiles.data}
          rowKey={(p) => p.id}
          label={t("recurring.title")}
          minWidth={720}
          striped
        />
      ) : null}
    </Stack>
  );
}
