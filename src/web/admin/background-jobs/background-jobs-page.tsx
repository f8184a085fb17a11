import { Alert, Badge, Button, Code, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailedJob } from "../../../shared/contracts/background-jobs.js";
import { useFormat } from "../../ui/format.js";
import { SelectFilter } from "../../ui/lists/filter-controls.js";
import { PagedList } from "../../ui/lists/paged-list.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { useJobList, useJobPage } from "../lists/ops-lists.js";
import { RequirePermission } from "../team/permissions.js";
import { useRetryJob } from "./background-jobs-api.js";

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

/** Kinds a staff member may narrow to (the catalogue names them); the API takes any kind as stored. */
const KINDS = ["email.deliver", "import.run", "invoice.auto_charge"] as const;
const STATES = ["dead", "queued", "running"] as const;

function FailedJobs() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useJobList();
  const { page, totals } = useJobPage(list);
  const retry = useRetryJob();
  // The kind's name when the catalogue has one; kinds are dotted ("email.deliver"), the keys are not.
  const kindName = (kind: string) =>
    t(`backgroundJobs.kinds.${kind.replace(/\./g, "_")}`, { defaultValue: kind });
  return (
    <PagedList<FailedJob>
      list={list}
      header={
        <Stack>
          <PageHeader title={t("backgroundJobs.title")} />
          <Text c="dimmed">{t("backgroundJobs.intro")}</Text>
          {retry.isError ? <ErrorAlert error={retry.error} /> : null}
          {retry.isSuccess ? (
            <Alert color="green" role="status">
              {t("backgroundJobs.retried")}
            </Alert>
          ) : null}
        </Stack>
      }
      filters={
        <>
          <SelectFilter
            list={list}
            name="state"
            label={t("backgroundJobs.state")}
            options={STATES.map((s) => ({ value: s, label: t(`backgroundJobs.states.${s}`) }))}
          />
          <SelectFilter
            list={list}
            name="kind"
            label={t("backgroundJobs.kind")}
            options={KINDS.map((k) => ({ value: k, label: kindName(k) }))}
          />
        </>
      }
      page={page}
      totals={totals}
      totalsText={{ count: (count) => t("backgroundJobs.count", { count }) }}
      text={{
        title: t("backgroundJobs.title"),
        noMatches: t("backgroundJobs.noMatches"),
        empty: t("backgroundJobs.emptyTitle"),
        emptyDescription: t("backgroundJobs.emptyDescription"),
      }}
      minWidth={720}
      columns={[
        { key: "kind", header: t("backgroundJobs.kind"), kind: "title", cell: (job) => kindName(job.kind) },
        {
          key: "state",
          header: t("backgroundJobs.state"),
          cell: (job) => (
            <Badge color={COLORS[job.state]} variant="light">
              {t(`backgroundJobs.states.${job.state}`)}
            </Badge>
          ),
        },
        {
          key: "attempts",
          header: t("backgroundJobs.attempts"),
          cell: (job) => t("backgroundJobs.attemptsOf", { attempts: job.attempts, max: job.maxAttempts }),
        },
        {
          key: "error",
          header: t("backgroundJobs.lastError"),
          // The error as the server (or a mail server) wrote it: not translated.
          cell: (job) =>
            job.lastError ? (
              <Code block translate="no">
                {job.lastError}
              </Code>
            ) : null,
        },
        {
          key: "when",
          header: t("backgroundJobs.when"),
          kind: "aside",
          cell: (job) => f.dateTime(job.state === "dead" ? (job.finishedAt ?? job.runAt) : job.runAt),
          sort: "created",
        },
        {
          key: "retry",
          header: t("common.actions"),
          cell: (job) =>
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
        },
      ]}
    />
  );
}
