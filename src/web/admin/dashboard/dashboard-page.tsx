import { Badge, Button, Card, Grid, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { PageHeader } from "../layout/page-header.js";
import { useMe } from "../session.js";
import { GetStartedCard } from "../signup/get-started-card.js";
import { notificationText } from "./notification-text.js";
import { useMarkAllRead, useNotificationPages } from "./notifications-api.js";

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack>
      <PageHeader
        title={me.data ? t("admin.dashboard.hello", { name: me.data.user.name }) : t("admin.dashboard.title")}
      />
      <GetStartedCard />
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder>
            <NotificationsPanel />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t("admin.dashboard.quickLinks")}
            </Title>
            <Stack gap="xs">
              <Button component={Link} to="/invoices/new" variant="light" justify="flex-start">
                {t("admin.dashboard.newInvoice")}
              </Button>
              <Button component={Link} to="/customers/new" variant="light" justify="flex-start">
                {t("admin.dashboard.newCustomer")}
              </Button>
              <Button component={Link} to="/outbox" variant="light" justify="flex-start">
                {t("admin.dashboard.openOutbox")}
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function NotificationsPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = useNotificationPages();
  const markAllRead = useMarkAllRead();
  const notifications = {
    ...pages,
    data: pages.data
      ? { items: pages.data.pages.flatMap((p) => p.items), unread: pages.data.pages[0]?.unread ?? 0 }
      : undefined,
  };

  return (
    <section id="notifications" aria-labelledby="notifications-title">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="notifications-title">
            {t("admin.dashboard.notifications")}
          </Title>
          {notifications.data?.unread ? (
            <Badge color="red">{t("admin.dashboard.unread", { count: notifications.data.unread })}</Badge>
          ) : null}
        </Group>
        {notifications.data?.unread ? (
          <Button
            size="xs"
            variant="subtle"
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            {t("admin.dashboard.markAllRead")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={markAllRead.error} />
      {notifications.isPending ? <PageLoader /> : null}
      {notifications.isError ? (
        <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : null}
      {notifications.data && notifications.data.items.length === 0 ? (
        <Text c="dimmed">{t("admin.dashboard.noNotifications")}</Text>
      ) : null}
      {notifications.data && notifications.data.items.length > 0 ? (
        <List spacing="xs" listStyleType="none" aria-live="polite">
          {notifications.data.items.map((n) => (
            <List.Item key={n.id}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {n.readAt ? null : (
                  <Badge size="xs" color="red" variant="dot">
                    {t("admin.dashboard.new")}
                  </Badge>
                )}
                <div>
                  <Text size="sm" fw={n.readAt ? 400 : 600}>
                    {notificationText(t, f, n)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {f.dateTime(n.createdAt)}
                  </Text>
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
      {pages.hasNextPage ? (
        <Button
          mt="sm"
          size="xs"
          variant="default"
          loading={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t("admin.dashboard.loadOlder")}
        </Button>
      ) : null}
    </section>
  );
}
