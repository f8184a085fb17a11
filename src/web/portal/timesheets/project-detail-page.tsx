import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalProjectDetail } from "../../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { useHours } from "../../ui/hours.js";
import { QueryDetail } from "../../ui/query-states.js";
import { usePortalProject } from "./timesheets-api.js";

type Task = PortalProjectDetail["tasks"][number];
type Entry = PortalProjectDetail["entries"][number];

const BILLING_COLORS = { billed: "green", unbilled: "blue", non_billable: "gray" } as const;

/** E7: one project: hours per task and every time entry with its billing and approval status. */
export function PortalProjectDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const project = usePortalProject(id);
  return (
    <Stack>
      <Group>
        <Anchor component={Link} to="/projects" size="sm">
          ← {t("timesheets.backToProjects")}
        </Anchor>
      </Group>
      <QueryDetail query={project}>{(data) => <ProjectView project={data} />}</QueryDetail>
    </Stack>
  );
}

function ProjectView({ project }: { project: PortalProjectDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  return (
    <Stack>
      <Title order={1} size="h2">
        {project.name}
      </Title>
      {project.description ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {project.description}
        </Text>
      ) : null}
      <Card withBorder>
        <FactGrid
          cols={{ base: 1, sm: 3 }}
          facts={[
            [t("timesheets.logged"), hours(project.loggedMinutes)],
            [t("timesheets.billed"), hours(project.billedMinutes)],
            [t("timesheets.unbilled"), hours(project.unbilledMinutes)],
          ]}
        />
      </Card>
      <ColumnTable
        caption={t("timesheets.tasks")}
        rows={project.tasks}
        rowKey={(task) => task.id ?? "none"}
        columns={[
          column("task", t("timesheets.task"), (task: Task) => task.name ?? t("timesheets.noTask"), {
            rowHeader: 400,
          }),
          amountColumn("logged", t("timesheets.logged"), (task: Task) => hours(task.loggedMinutes)),
          amountColumn("billed", t("timesheets.billed"), (task: Task) => hours(task.billedMinutes)),
          amountColumn("unbilled", t("timesheets.unbilled"), (task: Task) => hours(task.unbilledMinutes)),
        ]}
      />
      <ColumnTable
        caption={t("timesheets.timeEntries")}
        minWidth={640}
        rows={project.entries}
        rowKey={(e) => e.id}
        columns={[
          column("date", t("timesheets.date"), (e: Entry) => f.date(e.workDate)),
          column("task", t("timesheets.task"), (e: Entry) => e.taskName ?? t("timesheets.noTask")),
          column("notes", t("timesheets.notes"), (e: Entry) => e.notes ?? ""),
          amountColumn("hours", t("timesheets.hours"), (e: Entry) => hours(e.minutes)),
          column("billing", t("timesheets.billingStatus"), (e: Entry) => (
            <Badge variant="light" color={BILLING_COLORS[e.billing]}>
              {t(`timesheets.billing.${e.billing}`)}
            </Badge>
          )),
          column("approval", t("timesheets.approval"), (e: Entry) =>
            t(`timesheets.entryStatuses.${e.approvalStatus}`),
          ),
        ]}
      />
    </Stack>
  );
}
