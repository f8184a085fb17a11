import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TimesheetSummary } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { useHours } from "../../ui/hours.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { QueryList } from "../../ui/query-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { TimesheetStatusBadge } from "../../ui/timesheet-status-badge.js";
import { useProjectTimesheets, useSubmitTimesheet } from "./timesheets-api.js";

/**
 * "Submit for approval" on a project's page (issue 15 §5): a period, the project's timesheets with their
 * status. The project page (modules/projects' web pages) places it: `<SubmitTimesheetCard projectId=… />`.
 */
export function SubmitTimesheetCard({
  projectId,
  defaultFrom,
  defaultTo,
}: {
  projectId: string;
  /** Suggested period, e.g. the first and last day of last month (YYYY-MM-DD). */
  defaultFrom?: string;
  defaultTo?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  const [from, setFrom] = useState(defaultFrom ?? "");
  const [to, setTo] = useState(defaultTo ?? "");
  const submit = useSubmitTimesheet(projectId);
  const list = useProjectTimesheets(projectId);
  const titleId = `timesheets-${projectId}`;

  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack>
        <Title order={3} id={titleId}>
          {t("timesheets.submitTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("timesheets.submitIntro")}
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate({ from, to }, { onSuccess: () => notifyDone(t("timesheets.submitted")) });
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t("timesheets.from")}
              required
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("timesheets.to")}
              required
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
            <Button type="submit" loading={submit.isPending} disabled={!from || !to}>
              {t("timesheets.submit")}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={submit.error} />
        <QueryList query={list} isFiltered={false} noMatchesTitle="" emptyTitle={t("timesheets.empty")}>
          {(rows) => (
            <ResponsiveTable<TimesheetSummary>
              label={t("timesheets.title")}
              rows={rows}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: "period",
                  header: t("timesheets.period"),
                  kind: "title",
                  cell: (r) => (
                    <Anchor component={Link} to={`/timesheets/${r.id}`}>
                      {t("timesheets.periodValue", { from: f.date(r.periodFrom), to: f.date(r.periodTo) })}
                    </Anchor>
                  ),
                },
                { key: "hours", header: t("timesheets.hours"), kind: "money", cell: (r) => hours(r.minutes) },
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
    </Card>
  );
}
