import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PortalTimesheetDetail } from "../../../shared/contracts/index.js";

type Day = PortalTimesheetDetail["totals"]["byDay"][number];
type Task = PortalTimesheetDetail["totals"]["byTask"][number];
type Entry = PortalTimesheetDetail["entries"][number];

import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { useHours } from "../../ui/hours.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { QueryDetail } from "../../ui/query-states.js";
import { RejectTimesheetModal } from "../../ui/reject-timesheet-modal.js";
import { TimesheetStatusBadge } from "../../ui/timesheet-status-badge.js";
import { useContactMe } from "../portal-api.js";
import { useDecideTimesheet, usePortalTimesheet } from "./timesheets-api.js";

export function PortalTimesheetDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const sheet = usePortalTimesheet(id);
  return (
    <Stack>
      <Group data-print="hide">
        <Anchor component={Link} to="/timesheets" size="sm">
          ← {t("timesheets.backToList")}
        </Anchor>
      </Group>
      <QueryDetail query={sheet}>{(data) => <TimesheetView key={data.id} sheet={data} />}</QueryDetail>
    </Stack>
  );
}

function TimesheetView({ sheet }: { sheet: PortalTimesheetDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  const me = useContactMe().data;
  const [approveOpened, approveModal] = useDisclosure(false);
  const [rejectOpened, rejectModal] = useDisclosure(false);
  // The server decides canDecide (pending, unchanged, not a preview); the option is checked here too.
  const canDecide = sheet.canDecide && Boolean(me?.features.showProjects) && !me?.preview;
  const decision = sheet.decision;

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t("timesheets.detailTitle", { project: sheet.projectName })}
        </Title>
        <TimesheetStatusBadge status={sheet.status} />
      </Group>
      <Card withBorder>
        <FactGrid
          cols={{ base: 1, sm: 3 }}
          facts={[
            [
              t("timesheets.period"),
              t("timesheets.periodValue", { from: f.date(sheet.periodFrom), to: f.date(sheet.periodTo) }),
            ],
            [t("timesheets.hours"), hours(sheet.minutes)],
            [t("timesheets.billableHours"), hours(sheet.billableMinutes)],
            [t("timesheets.entries"), String(sheet.entryCount)],
            [t("timesheets.submittedAt"), f.dateTime(sheet.submittedAt)],
            sheet.submittedByName ? [t("timesheets.submittedBy"), sheet.submittedByName] : null,
          ]}
        />
      </Card>
      {decision ? (
        <Alert color={sheet.status === "approved" ? "green" : "red"} role="status">
          {t(decision.by === "staff" ? "timesheets.decidedByStaff" : "timesheets.decidedBy", {
            by: t(`timesheets.statuses.${sheet.status}`),
            date: f.dateTime(decision.at),
            name: decision.name,
          })}
          {decision.reason ? (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {t("timesheets.reason")}: {decision.reason}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {sheet.status === "withdrawn" ? <Alert color="gray">{t("timesheets.withdrawnNote")}</Alert> : null}
      {sheet.status === "pending" && !sheet.hashMatches ? (
        <Alert color="yellow">{t("timesheets.changed")}</Alert>
      ) : null}
      {canDecide ? (
        <Card withBorder data-print="hide">
          <Group justify="flex-end" gap="xs">
            <Button variant="default" color="red" onClick={rejectModal.open}>
              {t("timesheets.reject")}
            </Button>
            <Button color="green" onClick={approveModal.open}>
              {t("timesheets.approve")}
            </Button>
          </Group>
        </Card>
      ) : null}
      <Group align="flex-start" grow>
        <ColumnTable
          caption={t("timesheets.byDay")}
          rows={sheet.totals.byDay}
          rowKey={(d) => d.workDate}
          columns={[
            column("date", t("timesheets.date"), (d: Day) => f.date(d.workDate), { rowHeader: 400 }),
            amountColumn("hours", t("timesheets.hours"), (d: Day) => hours(d.minutes)),
          ]}
        />
        <ColumnTable
          caption={t("timesheets.byTask")}
          rows={sheet.totals.byTask}
          rowKey={(d) => d.taskId ?? "none"}
          columns={[
            column("task", t("timesheets.task"), (d: Task) => d.taskName ?? t("timesheets.noTask"), {
              rowHeader: 400,
            }),
            amountColumn("hours", t("timesheets.hours"), (d: Task) => hours(d.minutes)),
          ]}
        />
      </Group>
      <EntriesTable sheet={sheet} />
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {t("timesheets.hash")}: {sheet.entriesHash}
      </Text>
      <div data-print="hide">
        <CommentsThread side="portal" documentType="timesheet" documentId={sheet.id} />
      </div>
      {canDecide ? (
        <>
          <ApproveModal sheet={sheet} opened={approveOpened} onClose={approveModal.close} />
          <RejectModal sheet={sheet} opened={rejectOpened} onClose={rejectModal.close} />
        </>
      ) : null}
    </Stack>
  );
}

function EntriesTable({ sheet }: { sheet: PortalTimesheetDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  return (
    <ColumnTable
      caption={t("timesheets.timeEntries")}
      minWidth={640}
      rows={sheet.entries}
      rowKey={(e) => e.id}
      columns={[
        column("date", t("timesheets.date"), (e: Entry) => f.date(e.workDate)),
        column("task", t("timesheets.task"), (e: Entry) => e.taskName ?? t("timesheets.noTask")),
        column("staff", t("timesheets.staff"), (e: Entry) => e.staffName || "—", { visibleFrom: "sm" }),
        column("notes", t("timesheets.notes"), (e: Entry) => e.notes ?? ""),
        column("billable", t("timesheets.billable"), (e: Entry) =>
          e.billable ? t("timesheets.yes") : t("timesheets.no"),
        ),
        amountColumn("hours", t("timesheets.hours"), (e: Entry) => hours(e.minutes)),
      ]}
    />
  );
}

interface ModalProps {
  sheet: PortalTimesheetDetail;
  opened: boolean;
  onClose: () => void;
}

function ApproveModal({ sheet, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const hours = useHours();
  const { approve } = useDecideTimesheet(sheet.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t("timesheets.approveTitle")}>
      <Stack>
        <Text size="sm">
          {t("timesheets.approveText", { hours: hours(sheet.minutes), entries: sheet.entryCount })}
        </Text>
        <ErrorAlert error={approve.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="green"
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(sheet.entriesHash, {
                onSuccess: () => {
                  notifications.show({ message: t("timesheets.approved") });
                  onClose();
                },
              })
            }
          >
            {t("timesheets.approveConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RejectModal({ sheet, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { reject } = useDecideTimesheet(sheet.id);
  return (
    <RejectTimesheetModal
      title={t("timesheets.rejectTitle")}
      description={t("timesheets.reasonHelp")}
      opened={opened}
      onClose={onClose}
      reject={reject}
      onRejected={() => notifications.show({ message: t("timesheets.rejected") })}
    />
  );
}
