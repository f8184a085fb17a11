import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { ProjectDetail, ProjectTask, TimeEntry } from "../../../shared/contracts/projects.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { decimalMarkOf } from "../../ui/decimal.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { SubmitTimesheetCard } from "../timesheets/submit-timesheet-card.js";
import { InvoiceTimeModal } from "./invoice-time-modal.js";
import { ProjectFormModal } from "./project-form-modal.js";
import {
  type EntryFilters,
  useAddTask,
  useDeleteEntry,
  useDeleteProject,
  useDeleteTask,
  useProject,
  useProjectEntries,
  useStartTimer,
  useUpdateTask,
} from "./projects-api.js";
import { STATUS_COLORS } from "./projects-page.js";
import { EditEntryModal, TimeEntryForm } from "./time-entry-form.js";
import { budgetUse, formatMinutes, parseRate } from "./time-form-model.js";

/** One project: figures and budget, tasks, "Log time", its entries, the timer and "Invoice time". */
export function ProjectPage() {
  const { id = "" } = useParams();
  const project = useProject(id);
  if (project.isPending) return <PageLoader />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectView project={project.data} />;
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [invoicing, setInvoicing] = useState(false);
  const start = useStartTimer();
  const remove = useDeleteProject(project.id);
  const active = project.status === "active";
  const hours = useBudget(project);

  return (
    <Stack>
      <PageHeader
        title={project.name}
        actions={
          <>
            {active ? (
              <Button
                variant="light"
                loading={start.isPending}
                onClick={() => start.mutate({ projectId: project.id })}
              >
                {t("projects.timer.start")}
              </Button>
            ) : null}
            <Button onClick={() => setInvoicing(true)}>{t("projects.invoiceTime.open")}</Button>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t("projects.editProject")}
            </Button>
          </>
        }
      />
      <ErrorAlert error={start.error} />
      <Group gap="xs">
        <Badge color={STATUS_COLORS[project.status]} variant="light">
          {t(`projects.statuses.${project.status}`)}
        </Badge>
        <Anchor component={Link} to={`/projects?customerId=${project.customerId}`}>
          {project.customerName}
        </Anchor>
        <Text c="dimmed" size="sm">
          {t(`projects.billingMethods.${project.billingMethod}`)}
          {project.billingMethod === "fixed" && project.fixedAmountMinor !== null
            ? ` · ${f.money(project.fixedAmountMinor, project.currency)}`
            : project.hourlyRateMinor !== null
              ? ` · ${f.money(project.hourlyRateMinor, project.currency)}/h`
              : ""}
        </Text>
      </Group>
      {project.description ? <Text style={{ whiteSpace: "pre-wrap" }}>{project.description}</Text> : null}
      <FactGrid
        cols={{ base: 2, sm: 4 }}
        size="lg"
        facts={[
          [t("projects.logged"), formatMinutes(project.totals.loggedMinutes)],
          [t("projects.unbilled"), formatMinutes(project.totals.unbilledMinutes)],
          [t("projects.billed"), formatMinutes(project.totals.billedMinutes)],
          [t("projects.valueBillable"), f.money(project.billableValueMinor, project.currency)],
        ]}
      />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("projects.budget")}
        </Title>
        {hours.length === 0 ? <Text c="dimmed">{t("projects.noBudget")}</Text> : null}
        {hours.map((b) => (
          <Stack key={b.key} gap={4} mb="xs">
            <Group justify="space-between">
              <Text size="sm">{b.label}</Text>
              <Text size="sm" c={b.over ? "red" : undefined}>
                {b.over ? `${t("projects.overBudget")} · ` : ""}
                {t("projects.budgetOf", { used: b.used, budget: b.budget })}
              </Text>
            </Group>
            <Progress value={b.percent} color={b.over ? "red" : "blue"} aria-label={b.label} />
          </Stack>
        ))}
      </Card>
      <TasksCard project={project} />
      {active ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t("projects.logTime")}
          </Title>
          <TimeEntryForm project={project} />
        </Card>
      ) : null}
      <EntriesCard project={project} />
      {project.needsApproval ? <SubmitTimesheetCard projectId={project.id} /> : null}
      {project.totals.loggedMinutes === 0 ? (
        <Group>
          <Button
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t("projects.deleteConfirm")))
                remove.mutate(undefined, { onSuccess: () => navigate("/projects") });
            }}
          >
            {t("projects.deleteProject")}
          </Button>
          <ErrorAlert error={remove.error} />
        </Group>
      ) : null}
      <ProjectFormModal opened={editing} onClose={() => setEditing(false)} project={project} />
      <InvoiceTimeModal project={project} opened={invoicing} onClose={() => setInvoicing(false)} />
    </Stack>
  );
}

function useBudget(project: ProjectDetail) {
  const { t } = useTranslation();
  const f = useFormat();
  const out: { key: string; label: string; used: string; budget: string; percent: number; over: boolean }[] =
    [];
  const byHours = budgetUse(project.totals.loggedMinutes, project.budgetMinutes);
  if (byHours && project.budgetMinutes !== null)
    out.push({
      key: "hours",
      label: t("projects.budgetHours"),
      used: formatMinutes(project.totals.loggedMinutes),
      budget: formatMinutes(project.budgetMinutes),
      ...byHours,
    });
  const byAmount = budgetUse(project.billableValueMinor, project.budgetAmountMinor);
  if (byAmount && project.budgetAmountMinor !== null)
    out.push({
      key: "amount",
      label: t("projects.budgetAmount"),
      used: f.money(project.billableValueMinor, project.currency),
      budget: f.money(project.budgetAmountMinor, project.currency),
      ...byAmount,
    });
  return out;
}

function TasksCard({ project }: { project: ProjectDetail }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const add = useAddTask(project.id);
  const update = useUpdateTask(project.id);
  const remove = useDeleteTask(project.id);
  const [name, setName] = useState("");
  const [rate, setRate] = useState("");
  const rateMinor = parseRate(rate, project.currency);
  const columns = [
    column<ProjectTask>(
      "name",
      t("projects.task"),
      (task) => (
        <Group gap="xs">
          {task.name}
          {task.archived ? (
            <Badge color="gray" variant="light">
              {t("projects.archived")}
            </Badge>
          ) : null}
        </Group>
      ),
      { rowHeader: 500 },
    ),
    amountColumn<ProjectTask>("rate", t("projects.hourlyRate"), (task) =>
      task.hourlyRateMinor === null ? t("common.none") : f.money(task.hourlyRateMinor, project.currency),
    ),
    amountColumn<ProjectTask>("logged", t("projects.logged"), (task) =>
      formatMinutes(task.totals.loggedMinutes),
    ),
    amountColumn<ProjectTask>("unbilled", t("projects.unbilled"), (task) =>
      formatMinutes(task.totals.unbilledMinutes),
    ),
    amountColumn<ProjectTask>("billed", t("projects.billed"), (task) =>
      formatMinutes(task.totals.billedMinutes),
    ),
    column<ProjectTask>("actions", t("common.actions"), (task) => (
      <Group gap={4} wrap="nowrap">
        <Button
          size="xs"
          variant="subtle"
          aria-label={t(task.archived ? "projects.restoreTask" : "projects.archiveTask", { name: task.name })}
          onClick={() =>
            update.mutate({
              taskId: task.id,
              body: { name: task.name, hourlyRateMinor: task.hourlyRateMinor, archived: !task.archived },
            })
          }
        >
          {task.archived ? t("projects.restore") : t("projects.archive")}
        </Button>
        {task.totals.loggedMinutes === 0 ? (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t("projects.deleteTask", { name: task.name })}
            onClick={() => remove.mutate(task.id)}
          >
            {t("projects.delete")}
          </Button>
        ) : null}
      </Group>
    )),
  ];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("projects.tasks")}
      </Title>
      {project.tasks.length === 0 ? <Text c="dimmed">{t("projects.noTasks")}</Text> : null}
      {project.tasks.length > 0 ? (
        <ColumnTable
          columns={columns}
          rows={project.tasks}
          rowKey={(task) => task.id}
          label={t("projects.tasks")}
          minWidth={640}
        />
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === "" || rateMinor === undefined) return;
          add.mutate(
            { name, hourlyRateMinor: rateMinor },
            {
              onSuccess: () => {
                setName("");
                setRate("");
              },
            },
          );
        }}
      >
        <Group align="flex-end" mt="sm">
          <TextInput
            label={t("projects.taskName")}
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={`${t("projects.taskRate")} (${project.currency})`}
            inputMode="decimal"
            placeholder={decimalMarkOf(i18n.language) === "," ? "60,00" : "60.00"}
            value={rate}
            onChange={(e) => setRate(e.currentTarget.value)}
            error={rateMinor === undefined ? t("projects.invalidRate") : null}
          />
          <Button type="submit" variant="light" loading={add.isPending} disabled={name.trim() === ""}>
            {t("projects.addTask")}
          </Button>
        </Group>
        <ErrorAlert error={add.error ?? update.error ?? remove.error} />
      </form>
    </Card>
  );
}

function EntriesCard({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [billing, setBilling] = useState<NonNullable<EntryFilters["billing"]>>("all");
  const entries = useProjectEntries(project.id, { billing });
  const remove = useDeleteEntry();
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const statusOf = (e: TimeEntry) => {
    if (e.minutes === null) return <Badge color="green">{t("projects.running")}</Badge>;
    if (e.invoiceId)
      return (
        <Anchor component={Link} to={`/invoices/${e.invoiceId}`} size="sm">
          {e.invoiceNumber
            ? t("projects.invoiced", { number: e.invoiceNumber })
            : t("projects.invoicedDraft")}
        </Anchor>
      );
    return (
      <Group gap={4}>
        {e.billable ? null : (
          <Badge color="gray" variant="light">
            {t("projects.notBillable")}
          </Badge>
        )}
        {e.approvalStatus !== "none" ? (
          <Badge
            color={
              e.approvalStatus === "rejected" ? "red" : e.approvalStatus === "approved" ? "green" : "yellow"
            }
            variant="light"
          >
            {t(`projects.approval.${e.approvalStatus}`)}
          </Badge>
        ) : null}
      </Group>
    );
  };
  const columns = [
    column<TimeEntry>("date", t("projects.date"), (e) => f.date(e.workDate), { rowHeader: 500 }),
    column<TimeEntry>("task", t("projects.task"), (e) => e.taskName ?? t("projects.noTask")),
    column<TimeEntry>("person", t("projects.person"), (e) => e.userName),
    amountColumn<TimeEntry>("duration", t("projects.duration"), (e) =>
      e.minutes === null ? t("projects.running") : formatMinutes(e.minutes),
    ),
    column<TimeEntry>("notes", t("projects.notes"), (e) => e.notes ?? ""),
    column<TimeEntry>("status", t("projects.status"), statusOf),
    column<TimeEntry>("actions", t("common.actions"), (e) =>
      e.editable ? (
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            variant="subtle"
            aria-label={t("projects.editEntryLabel", { date: f.date(e.workDate) })}
            onClick={() => setEditing(e)}
          >
            {t("projects.editEntry")}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t("projects.deleteEntryLabel", { date: f.date(e.workDate) })}
            onClick={() => remove.mutate(e.id, { onSuccess: () => notifyDone(t("projects.entryDeleted")) })}
          >
            {t("projects.delete")}
          </Button>
        </Group>
      ) : null,
    ),
  ];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t("projects.entries")}
        </Title>
        <SegmentedControl
          aria-label={t("projects.entries")}
          value={billing}
          onChange={(v) => setBilling(v as typeof billing)}
          data={[
            { value: "all", label: t("projects.filterAll") },
            { value: "unbilled", label: t("projects.unbilled") },
            { value: "billed", label: t("projects.billed") },
          ]}
        />
      </Group>
      <ErrorAlert error={remove.error} />
      {entries.isPending ? <PageLoader /> : null}
      {entries.isError ? <ErrorState error={entries.error} onRetry={() => void entries.refetch()} /> : null}
      {entries.data?.length === 0 ? <EmptyState title={t("projects.noEntries")} /> : null}
      {entries.data && entries.data.length > 0 ? (
        <ColumnTable
          columns={columns}
          rows={entries.data}
          rowKey={(e) => e.id}
          label={t("projects.entries")}
          minWidth={760}
          striped
        />
      ) : null}
      <EditEntryModal project={project} entry={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
