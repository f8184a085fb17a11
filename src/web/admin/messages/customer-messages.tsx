import { Button, Card, Group, Stack, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ThreadList } from "../../ui/messages/thread-list.js";

/** The customer page's Messages section (E10): its threads, and writing to it. */
export function CustomerMessages({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={titleId}>
            {t("messages.sectionTitle")}
          </Title>
          <Button
            size="xs"
            component={Link}
            to={`/messages/new?customerId=${encodeURIComponent(customerId)}`}
          >
            {t("messages.newThread")}
          </Button>
        </Group>
        <ThreadList
          side="staff"
          customerId={customerId}
          linkTo={(id) => `/messages/${id}`}
          emptyTitle={t("messages.emptyCustomer")}
        />
      </Stack>
    </Card>
  );
}
