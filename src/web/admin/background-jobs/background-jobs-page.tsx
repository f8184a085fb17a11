import { Alert, Badge, Button, Code, EmptyState, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FailedJob } from "../../../shared/contracts/background-jobs.js";
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
  // The job kind's name, when the catalogue has one (kinds are dotted: "email.deliver").
  const kindName = (kind: string) =>
    t(`backgroundJobs.kinds.${kind.replace(/\./g, "_")}`, { defaultValue: kind });
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
          py="xl"
        />
      ) : null}
      {jobs.data && jobs.data.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("backgroundJobs.kind")}</Table.Th>
                <Table.Th scope="col">{t("backgroundJobs.state")}</Table.Th>
                <Table.Th scope="col">{t("backgroundJobs.attempts")}</Table.Th>
                <Table.Th scope="col">{t("backgroundJobs.lastError")}</Table.Th>
                <Table.Th scope="col">{t("backgroundJobs.when")}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>{kindName(job.kind)}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[job.state]} variant="light">
                      {t(`backgroundJobs.states.${job.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {t("backgroundJobs.attemptsOf", { attempts: job.attempts, max: job.maxAttempts })}
                  </Table.Td>
                  <Table.Td>
                    {/* The error as the server (or a mail server) wrote it, not translated. */}
                    {job.lastError ? (
                      <Code block translate="no">
                        {job.lastError}
                      </Code>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {f.dateTime(job.state === "dead" ? (job.finishedAt ?? job.runAt) : job.runAt)}
                  </Table.Td>
                  <Table.Td>
                    {job.state === "dead" ? (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t("backgroundJobs.retryLabel", { kind: kindName(job.kind) })}
                        loading={retry.isPending && retry.variables === job.id}
                        onClick={() => retry.mutate(job.id)}
                      >
                        {t("backgroundJobs.retry")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
