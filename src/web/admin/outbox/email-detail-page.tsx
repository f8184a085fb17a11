import { Alert, Anchor, Button, Card, Code, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { EmailDetail } from "../../../shared/contracts/index.js";
import { useFormat } from "../../ui/format.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import { EmailStatusBadge } from "./email-status-badge.js";
import { useEmail } from "./outbox-api.js";

export function EmailDetailPage() {
  const { id = "" } = useParams();
  const email = useEmail(id);
  if (email.isPending) return <PageLoader />;
  if (email.isError) return <ErrorState error={email.error} onRetry={() => void email.refetch()} />;
  return <EmailView email={email.data} />;
}

function EmailView({ email }: { email: EmailDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack>
      <Group>
        <Button component={Link} to="/outbox" variant="subtle" px={0}>
          ← {t("common.back")}
        </Button>
      </Group>
      <Group gap="sm">
        {/* The email as written, in its recipient's language: not this screen's text (see e2e/checks). */}
        <Title order={1} size="h3" translate="no">
          {email.subject}
        </Title>
        <EmailStatusBadge status={email.status} />
      </Group>
      <Text size="sm">
        {t("admin.outbox.to")}: {email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress} ·{" "}
        {f.dateTime(email.createdAt)}
      </Text>
      {email.error ? (
        <Alert color="red" role="alert">
          {email.error}
        </Alert>
      ) : null}
      <Card withBorder component="section" aria-labelledby="attachments-title">
        <Title order={2} size="h5" id="attachments-title" mb="xs">
          {t("admin.outbox.attachments")}
        </Title>
        {email.attachmentNames.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("admin.outbox.noAttachments")}
          </Text>
        ) : (
          <List size="sm">
            {email.attachmentNames.map((name, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the attachment's identity in its URL
              <List.Item key={`${index}-${name}`}>
                <Anchor href={`/api/outbox/${email.id}/attachments/${index}`} download={name}>
                  {name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <section aria-labelledby="html-title">
        <Title order={2} size="h5" id="html-title" mb="xs">
          {t("admin.outbox.htmlVersion")}
        </Title>
        {/* The email's HTML runs in an empty sandbox: no scripts, no forms, no access to this page. */}
        <iframe
          sandbox=""
          srcDoc={email.htmlBody}
          title={t("admin.outbox.previewTitle")}
          style={{
            width: "100%",
            height: 520,
            border: "1px solid var(--mantine-color-default-border)",
            borderRadius: 8,
            background: "white",
          }}
        />
      </section>
      <section aria-labelledby="text-title">
        <Title order={2} size="h5" id="text-title" mb="xs">
          {t("admin.outbox.textVersion")}
        </Title>
        <Code block translate="no" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
          {email.textBody}
        </Code>
      </section>
    </Stack>
  );
}
