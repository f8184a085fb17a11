import { Anchor, Button, EmptyState, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { useCan } from "../team/permissions.js";
import { EmailStatusBadge } from "./email-status-badge.js";
import { useOutbox } from "./outbox-api.js";

export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const emails = useOutbox();
  const can = useCan();
  return (
    <Stack>
      <PageHeader
        title={t("admin.outbox.title")}
        actions={
          can("organisation.update") ? (
            <Button component={Link} to="/background-jobs" variant="default">
              {t("backgroundJobs.link")}
            </Button>
          ) : null
        }
      />
      {emails.isPending ? <PageLoader /> : null}
      {emails.isError ? <ErrorState error={emails.error} onRetry={() => void emails.refetch()} /> : null}
      {emails.data?.length === 0 ? (
        <EmptyState
          title={t("admin.outbox.emptyTitle")}
          description={t("admin.outbox.emptyDescription")}
          py="xl"
        />
      ) : null}
      {emails.data && emails.data.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("admin.outbox.to")}</Table.Th>
                <Table.Th scope="col">{t("admin.outbox.subject")}</Table.Th>
                <Table.Th scope="col">{t("admin.outbox.status")}</Table.Th>
                <Table.Th scope="col">{t("admin.outbox.date")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {emails.data.map((email) => (
                <Table.Tr key={email.id}>
                  <Table.Td>
                    <Text size="sm">
                      {email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {/* The subject as written, in its recipient's language. */}
                    <Anchor component={Link} to={`/outbox/${email.id}`} translate="no">
                      {email.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <EmailStatusBadge status={email.status} />
                  </Table.Td>
                  <Table.Td>{f.dateTime(email.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
