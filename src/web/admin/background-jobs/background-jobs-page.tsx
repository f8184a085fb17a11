import { Alert, Badge, Button, Code, EmptyState, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailedJob } from "../../../shared/contracts/background-jobs.js";
import { ColumnTable, column } from "../../ui/column-table.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { RequirePermission } from "../team/permissions.js";
import { useFailedJobs, useRetryJob } from "./background-jobs-api.js";

const COLORS: Record<FailedJob["state"], string> = {
  queued: "yellow",
  running: "blue",
  done: "green",
  dead: "red",
};

/** Outbox → Background jobs: the organisation's failed jobs, the dead ones with Retry (owners and admins). */
export function BackgroundJobsPage() {
  return (
    <RequirePermission action="organisation.update">
      <FailedJobs />
    </RequirePermission>
  );
}

function FailedJobs() {
  const { t } = useTranslation();
  const f = useFormat();
  const jobs = useFailedJobs();
  const retry = useRetryJob();
  // The kind's name when the catalogue has one; kinds are dotted ("email.deliver"), the keys are not.
  const kindName = (kind: string) =>
    t(`backgroundJobs.kinds.${kind.replace(/\./g, "_")}`, { defaultValue: kind });
  const columns = [
    column<FailedJob>("kind", t("backgroundJobs.kind"), (job) => kindName(job.kind), { rowHeader: 400 }),
    column<FailedJob>("state", t("backgroundJobs.state"), (job) => (
      <Badge color={COLORS[job.state]} variant="light">
        {t(`backgroundJobs.states.${job.state}`)}
      </Badge>
    )),
    column<FailedJob>("attempts", t("backgroundJobs.attempts"), (job) =>
      t("backgroundJobs.attemptsOf", { attempts: job.attempts, max: job.maxAttempts }),
    ),
    // The error as the server (or a mail server) wrote it: not translated.
    column<FailedJob>("error", t("backgroundJobs.lastError"), (job) =>
      job.lastError ? (
        <Code block translate="no">
          {job.lastError}
        </Code>
      ) : null,
    ),
    column<FailedJob>("when", t("backgroundJobs.when"), (job) =>
      f.dateTime(job.state === "dead" ? (job.finishedAt ?? job.runAt) : job.runAt),
    ),
    column<FailedJob>("retry", t("common.actions"), (job) =>
      job.state === "dead" ? (
        <Button
          size="xs"
          variant="light"
          aria-label={t("backgroundJobs.retryLabel", { kind: kindName(job.kind) })}
          loading={retry.isPending && retry.variables === job.id}
          onClick={() => retry.mutate(job.id)}
        >
          {t("backgroundJobs.retry")}
        </Button>
      ) : null,
    ),
  ];
  return (
    <Stack>
      <PageHeader title={t("backgroundJobs.title")} />
      <Text c="dimmed">{t("backgroundJobs.intro")}</Text>
      {jobs.isPending ? <PageLoader /> : null}
      {jobs.isError ? <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      {retry.isError ? <ErrorAlert error={retry.error} /> : null}
      {retry.isSuccess ? (
        <Alert color="green" role="status">
          {t("backgroundJobs.retried")}
        </Alert>
      ) : null}
      {jobs.data?.length === 0 ? (
        <EmptyState
          title={t("backgroundJobs.emptyTitle")}
          description={t("backgroundJobs.emptyDescription")}
        />
      ) : null}
      {jobs.data && jobs.data.length > 0 ? (
        <ColumnTable
          columns={columns}
          rows={jobs.data}
          rowKey={(job) => job.id}
          label={t("backgroundJobs.title")}
          minWidth={720}
          striped
        />
      ) : null}
    </Stack>
  );
}
