import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TimesheetDetail } from "../../../shared/contracts/index.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { CommentsThread } from "../../ui/comments/comments-thread.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { useHours } from "../../ui/hours.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { QueryDetail } from "../../ui/query-states.js";
import { RejectTimesheetModal } from "../../ui/reject-timesheet-modal.js";
import { TimesheetStatusBadge } from "../../ui/timesheet-status-badge.js";
import { useStaffDecision, useTimesheet } from "./timesheets-api.js";

type Entry = TimesheetDetail["entries"][number];

/** A timesheet in the back office: its time, the decision's evidence, marking it on the customer's behalf. */
export function TimesheetDetailPage() {
  const { id = "" } = useParams();
  const sheet = useTimesheet(id);
  return (
    <Stack>
      <QueryDetail query={sheet}>{(data) => <TimesheetView key={data.id} sheet={data} />}</QueryDetail>
    </Stack>
  );
}

function TimesheetView({ sheet }: { sheet: TimesheetDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hours = useHours();
  const { approve } = useStaffDecision(sheet.id);
  const [rejectOpened, rejectModal] = useDisclosure(false);
  const decision = sheet.decision;
  return (
    <Stack>
      <Anchor component={Link} to={`/projects/${sheet.projectId}`} size="sm">
        ← {sheet.projectName}
      </Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("timesheets.detailTitle", { project: sheet.projectName })}
        </Title>
        <TimesheetStatusBadge status={sheet.status} />
      </Group>
      <Card withBorder>
        <FactGrid
          cols={{ base: 1, sm: 3 }}
          facts={[
            [t("timesheets.project"), `${sheet.projectName} · ${sheet.customerName}`],
            [
              t("timesheets.period"),
              t("timesheets.periodValue", { from: f.date(sheet.periodFrom), to: f.date(sheet.periodTo) }),
            ],
            [t("timesheets.hours"), hours(sheet.minutes)],
            [t("timesheets.billableHours"), hours(sheet.billableMinutes)],
            [t("timesheets.submittedAt"), f.dateTime(sheet.submittedAt)],
            [t("timesheets.submittedBy"), sheet.submittedByName || "—"],
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
          {decision.from ? (
            <Text size="sm">{t("timesheets.decidedFrom", { address: decision.from })}</Text>
          ) : null}
          {decision.reason ? (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {t("timesheets.reason")}: {decision.reason}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {sheet.status === "withdrawn" ? <Alert color="gray">{t("timesheets.withdrawnNote")}</Alert> : null}
      {sheet.status === "pending" && sheet.hashMatches ? (
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t("timesheets.staffDecideHelp")}
            </Text>
            <Group gap="xs">
              <Button
                color="green"
                variant="light"
                loading={approve.isPending}
                onClick={() =>
                  approve.mutate(undefined, { onSuccess: () => notifyDone(t("timesheets.approved")) })
                }
              >
                {t("timesheets.staffApprove")}
              </Button>
              <Button color="red" variant="default" onClick={rejectModal.open}>
                {t("timesheets.staffReject")}
              </Button>
            </Group>
            <ErrorAlert error={approve.error} />
          </Stack>
        </Card>
      ) : null}
      <ColumnTable
        caption={t("timesheets.timeEntries")}
        minWidth={640}
        rows={sheet.entries}
        rowKey={(e) => e.id}
        columns={[
          column("date", t("timesheets.date"), (e: Entry) => f.date(e.workDate)),
          column("task", t("timesheets.task"), (e: Entry) => e.taskName ?? t("timesheets.noTask")),
          column("staff", t("timesheets.staff"), (e: Entry) => e.staffName || "—"),
          column("notes", t("timesheets.notes"), (e: Entry) => e.notes ?? ""),
          column("billable", t("timesheets.billable"), (e: Entry) =>
            e.billable ? t("timesheets.yes") : t("timesheets.no"),
          ),
          amountColumn("hours", t("timesheets.hours"), (e: Entry) => hours(e.minutes)),
        ]}
      />
      <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {t("timesheets.hash")}: {sheet.entriesHash}
      </Text>
      <CommentsThread side="staff" documentType="timesheet" documentId={sheet.id} />
      <StaffRejectModal sheet={sheet} opened={rejectOpened} onClose={rejectModal.close} />
    </Stack>
  );
}

function StaffRejectModal({
  sheet,
  opened,
  onClose,
}: {
  sheet: TimesheetDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { reject } = useStaffDecision(sheet.id);
  return (
    <RejectTimesheetModal
      title={t("timesheets.staffReject")}
      opened={opened}
      onClose={onClose}
      reject={reject}
      onRejected={() => notifyDone(t("timesheets.rejected"))}
    />
  );
}
