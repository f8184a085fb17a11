import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type {
  TimesheetListTotals,
  TimesheetStatus,
  TimesheetSummary,
} from "../../../shared/contracts/timesheets.js";
import { useFormat } from "../../ui/format.js";
import { useHours } from "../../ui/hours.js";
import { DateRangeFilter, SelectFilter } from "../../ui/lists/filter-controls.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { TimesheetStatusBadge } from "../../ui/timesheet-status-badge.js";
import { CustomerFilter } from "../layout/list-filters.js";
import { PageHeader } from "../layout/page-header.js";
import { useTimesheetList, useTimesheetPage } from "./timesheets-api.js";

const STATUSES: TimesheetStatus[] = ["pending", "approved", "rejected", "withdrawn"];

/**
 * Every timesheet of the organisation, a keyset page at a time (issue 19): by period (newest first) or
 * status; filtered by status, customer and the period's first day, all kept in the address.
 */
export function TimesheetsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  const list = useTimesheetList();
  const { page, totals } = useTimesheetPage(list);
  const sums = totals.data as TimesheetListTotals | undefined;

  return (
    <PagedList<TimesheetSummary>
      list={list}
      header={
        <PageHeader
          title={t("timesheets.title")}
          actions={
            sums ? (
              <Text size="sm" c="dimmed">
                {t("timesheets.totalHours", { hours: hours(sums.minutes) })}
              </Text>
            ) : undefined
          }
        />
      }
      filters={
        <>
          <CustomerFilter label={t("timesheets.customer")} list={list} />
          <SelectFilter
            list={list}
            name="status"
            label={t("timesheets.status")}
            options={STATUSES.map((s) => ({ value: s, label: t(`timesheets.statuses.${s}`) }))}
          />
          <DateRangeFilter list={list} />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{ count: (count) => t("timesheets.count", { count }) }}
      text={{
        title: t("timesheets.title"),
        noMatches: t("timesheets.listNoMatches"),
        empty: t("timesheets.empty"),
      }}
      minWidth={760}
      columns={[
        {
          key: "period",
          header: t("timesheets.period"),
          kind: "title",
          cell: (r) => (
            <Anchor component={Link} to={`/timesheets/${r.id}`} fw={500}>
              {t("timesheets.periodValue", { from: f.date(r.periodFrom), to: f.date(r.periodTo) })}
            </Anchor>
          ),
          sort: "period",
        },
        {
          key: "project",
          header: t("timesheets.project"),
          cell: (r) => (
            <Anchor component={Link} to={`/projects/${r.projectId}`}>
              {r.projectName}
            </Anchor>
          ),
        },
        { key: "customer", header: t("timesheets.customer"), cell: (r) => r.customerName, hideOnPhone: true },
        {
          key: "status",
          header: t("timesheets.status"),
          cell: (r) => <TimesheetStatusBadge status={r.status} />,
          sort: "status",
        },
        { key: "hours", header: t("timesheets.hours"), kind: "money", cell: (r) => hours(r.minutes) },
      ]}
    />
  );
}
