import { Alert, Anchor, Button, Card, Code, Group, List, Modal, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { RecurringInvoice, RecurringProfileDetail } from "../../../shared/contracts/recurring.js";
import { amountColumn, ColumnTable, column } from "../../ui/column-table.js";
import { FactGrid } from "../../ui/fact.js";
import { useFormat } from "../../ui/format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { InvoiceStatusBadge } from "../../ui/status-badge.js";
import { PageHeader } from "../layout/page-header.js";
import {
  useDeleteRecurringProfile,
  useProfileAction,
  useRecurringInvoices,
  useRecurringProfile,
} from "./recurring-api.js";
import { RecurringStatusBadge } from "./recurring-status-badge.js";

export function RecurringDetailPage() {
  const { id = "" } = useParams();
  const profile = useRecurringProfile(id);
  if (profile.isPending) return <PageLoader />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  return <ProfileDetail profile={profile.data} />;
}

function ProfileDetail({ profile }: { profile: RecurringProfileDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const act = useProfileAction(profile.id);
  const remove = useDeleteRecurringProfile(profile.id);
  const [confirming, setConfirming] = useState<"stop" | "delete" | null>(null);
  const isOver = profile.status === "stopped" || profile.status === "ended";
  const run = (verb: "pause" | "resume" | "stop", done: string) =>
    act.mutate(verb, {
      onSuccess: () => {
        notifyDone(done);
        setConfirming(null);
      },
    });

  const end =
    profile.endKind === "after_count"
      ? `${t("recurring.ends.after_count")}: ${profile.endAfterCount}`
      : profile.endKind === "on_date"
        ? `${t("recurring.ends.on_date")}: ${f.date(profile.endOnDate)}`
        : t("recurring.ends.never");

  return (
    <Stack>
      <PageHeader
        title={profile.name}
        actions={
          <>
            {!isOver ? (
              <Button component={Link} to={`/recurring/${profile.id}/edit`} variant="default">
                {t("recurring.edit")}
              </Button>
            ) : null}
            {profile.status === "active" ? (
              <Button
                variant="default"
                loading={act.isPending}
                onClick={() => run("pause", t("recurring.paused"))}
              >
                {t("recurring.pause")}
              </Button>
            ) : null}
            {profile.status === "paused" ? (
              <Button loading={act.isPending} onClick={() => run("resume", t("recurring.resumed"))}>
                {t("recurring.resume")}
              </Button>
            ) : null}
            {!isOver ? (
              <Button color="red" variant="light" onClick={() => setConfirming("stop")}>
                {t("recurring.stop")}
              </Button>
            ) : null}
            <Button color="red" variant="subtle" onClick={() => setConfirming("delete")}>
              {t("recurring.delete")}
            </Button>
          </>
        }
      />
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      {profile.lastError ? (
        <Alert color="red" title={t("recurring.lastError")}>
          <Stack gap="xs">
            <Code block translate="no">
              {profile.lastError}
            </Code>
            <Text size="sm">{t("recurring.lastErrorHint")}</Text>
          </Stack>
        </Alert>
      ) : null}
      {profile.status === "paused" ? <Text c="dimmed">{t("recurring.resumeHint")}</Text> : null}
      <Card withBorder>
        <FactGrid
          cols={{ base: 1, sm: 2, lg: 4 }}
          facts={[
            [t("recurring.status"), <RecurringStatusBadge key="s" status={profile.status} />],
            [
              t("recurring.customer"),
              <Anchor key="c" component={Link} to={`/customers/${profile.customerId}`}>
                {profile.customerName}
              </Anchor>,
            ],
            [t("recurring.frequency"), t(`recurring.frequencies.${profile.frequency}`)],
            [t("recurring.mode"), t(`recurring.modes.${profile.mode}`)],
            [t("recurring.startDate"), f.date(profile.startDate)],
            [t("recurring.end"), end],
            [t("recurring.paymentTermsDays"), profile.paymentTermsDays],
            [t("recurring.invoicesMade"), profile.invoicesMade],
          ]}
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t("recurring.upcoming")}
        </Title>
        {profile.upcomingDates.length === 0 ? (
          <Text c="dimmed">{t("recurring.noUpcoming")}</Text>
        ) : (
          <List>
            {profile.upcomingDates.map((date) => (
              <List.Item key={date}>{f.date(date)}</List.Item>
            ))}
          </List>
        )}
      </Card>
      <ProfileInvoices profileId={profile.id} />
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming === "delete" ? t("recurring.delete") : t("recurring.stop")}
      >
        <Stack>
          <Text size="sm">
            {confirming === "delete" ? t("recurring.deleteConfirm") : t("recurring.stopConfirm")}
          </Text>
          <ErrorAlert error={confirming === "delete" ? remove.error : act.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={act.isPending || remove.isPending}
              onClick={() =>
                confirming === "delete"
                  ? remove.mutate(undefined, {
                      onSuccess: () => {
                        notifyDone(t("recurring.deleted"));
                        navigate("/recurring");
                      },
                    })
                  : run("stop", t("recurring.stopped"))
              }
            >
              {confirming === "delete" ? t("recurring.delete") : t("recurring.stop")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ProfileInvoices({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const invoices = useRecurringInvoices(profileId);
  const columns = [
    column<RecurringInvoice>(
      "number",
      t("recurring.number"),
      (i) => (
        <Anchor component={Link} to={`/invoices/${i.id}`}>
          {i.number ?? t("status.draft")}
        </Anchor>
      ),
      { rowHeader: 160 },
    ),
    column<RecurringInvoice>("occurrence", t("recurring.occurrence"), (i) => f.date(i.occurrenceDate)),
    column<RecurringInvoice>("issue", t("recurring.issueDate"), (i) => f.date(i.issueDate)),
    column<RecurringInvoice>("due", t("recurring.dueDate"), (i) => f.date(i.dueDate)),
    column<RecurringInvoice>("status", t("recurring.status"), (i) => (
      <InvoiceStatusBadge status={i.status} />
    )),
    amountColumn<RecurringInvoice>("total", t("recurring.total"), (i) => f.money(i.totalMinor, i.currency)),
  ];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs" id="recurring-invoices">
        {t("recurring.invoices")}
      </Title>
      {invoices.isPending ? <PageLoader /> : null}
      {invoices.isError ? (
        <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : null}
      {invoices.data?.length === 0 ? <Text c="dimmed">{t("recurring.noInvoices")}</Text> : null}
      {invoices.data && invoices.data.length > 0 ? (
        <ColumnTable
          columns={columns}
          rows={invoices.data}
          rowKey={(i) => i.id}
          labelledBy="recurring-invoices"
          minWidth={640}
        />
      ) : null}
    </Card>
  );
}
