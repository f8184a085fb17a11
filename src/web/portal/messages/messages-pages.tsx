import { Anchor, Button, Card, EmptyState, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { NewThreadForm } from "../../ui/messages/new-thread-form.js";
import { ThreadList } from "../../ui/messages/thread-list.js";
import { ThreadView } from "../../ui/messages/thread-view.js";
import { useContactMe } from "../portal-api.js";

/** E10: the customer's threads with the organisation, behind C4 allowMessages. */
export function PortalMessagesPage() {
  const { t } = useTranslation();
  const me = useContactMe().data;
  if (me && !me.features.allowMessages) return <MessagesOff />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("messages.title")}
        </Title>
        {me?.preview ? null : (
          <Button component={Link} to="/messages/new">
            {t("messages.newThread")}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t("messages.intro", { org: me?.org.name ?? "" })}
      </Text>
      <ThreadList side="portal" linkTo={(id) => `/messages/${id}`} emptyTitle={t("messages.empty")} />
    </Stack>
  );
}

export function PortalNewMessagePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useContactMe().data;
  if (me && !me.features.allowMessages) return <MessagesOff />;
  return (
    <Stack>
      <Anchor component={Link} to="/messages" size="sm">
        {t("messages.back")}
      </Anchor>
      <Title order={1} size="h2">
        {t("messages.newThreadTitle")}
      </Title>
      <Card withBorder>
        <NewThreadForm
          side="portal"
          onDone={(thread) => navigate(`/messages/${thread.id}`, { replace: true })}
          onCancel={() => navigate("/messages")}
        />
      </Card>
    </Stack>
  );
}

export function PortalMessagePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const me = useContactMe().data;
  if (me && !me.features.allowMessages) return <MessagesOff />;
  return (
    <Stack>
      <Anchor component={Link} to="/messages" size="sm">
        {t("messages.back")}
      </Anchor>
      <ThreadView side="portal" id={id} />
    </Stack>
  );
}

/** The organisation does not take messages in the portal (C4 allowMessages off): say so, and how else. */
function MessagesOff() {
  const { t } = useTranslation();
  const me = useContactMe().data;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t("messages.title")}
      </Title>
      <EmptyState title={t("messages.off", { org: me?.org.name ?? "" })} py="lg" />
    </Stack>
  );
}
