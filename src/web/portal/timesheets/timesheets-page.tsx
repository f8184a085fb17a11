import { Anchor, Select, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type PortalTimesheetSummary, timesheetStatus } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { useHours } from "../../ui/hours.js";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { TimesheetStatusBadge } from "../../ui/timesheet-status-badge.js";
import { usePortalTimesheets } from "./timesheets-api.js";

/** E8: the customer's timesheets, filtered by status (kept in the address). */
export function PortalTimesheetsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  const [params, setParams] = useSearchParams();
  const parsed = timesheetStatus.safeParse(params.get("status"));
  const status = parsed.success ? parsed.data : undefined;
  const list = usePortalTimesheets(status);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("timesheets.title")}
      </Title>
      <Select
        label={t("timesheets.statusFilter")}
        maw={260}
        data={[
          { value: "", label: t("timesheets.allStatuses") },
          ...timesheetStatus.options.map((s) => ({ value: s, label: t(`timesheets.statuses.${s}`) })),
        ]}
        value={status ?? ""}
        onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
        allowDeselect={false}
      />
      <QueryList
        query={list}
        isFiltered={status !== undefined}
        noMatchesTitle={t("timesheets.noMatches")}
        emptyTitle={t("timesheets.empty")}
      >
        {(rows) => (
          <ResponsiveTable<PortalTimesheetSummary>
            label={t("timesheets.title")}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "project",
                header: t("timesheets.project"),
                kind: "title",
                cell: (r) => (
                  <Anchor component={Link} to={`/timesheets/${r.id}`}>
                    {r.projectName}
                  </Anchor>
                ),
              },
              {
                key: "period",
                header: t("timesheets.period"),
                kind: "detail",
                cell: (r) =>
                  t("timesheets.periodValue", { from: f.date(r.periodFrom), to: f.date(r.periodTo) }),
              },
              { key: "hours", header: t("timesheets.hours"), kind: "money", cell: (r) => hours(r.minutes) },
              {
                key: "submitted",
                header: t("timesheets.submittedAt"),
                kind: "detail",
                hideOnPhone: true,
                cell: (r) => f.dateTime(r.submittedAt),
              },
              {
                key: "status",
                header: t("timesheets.status"),
                kind: "aside",
                cell: (r) => <TimesheetStatusBadge status={r.status} />,
              },
            ]}
          />
        )}
      </QueryList>
    </Stack>
  );
}
