import { Anchor, Button, Card, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { NewThreadForm } from "../../ui/messages/new-thread-form.js";
import { ThreadList } from "../../ui/messages/thread-list.js";
import { ThreadView } from "../../ui/messages/thread-view.js";
import { useCustomers } from "../customers/customers-api.js";
import { PageHeader } from "../layout/page-header.js";

/** E10 in the back office: every thread of the organisation, newest activity first. */
export function MessagesPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader
        title={t("messages.title")}
        actions={
          <Button component={Link} to="/messages/new">
            {t("messages.newThread")}
          </Button>
        }
      />
      <Text size="sm" c="dimmed">
        {t("messages.staffIntro")}
      </Text>
      <ThreadList side="staff" linkTo={(id) => `/messages/${id}`} emptyTitle={t("messages.empty")} />
    </Stack>
  );
}

/** Staff write to a customer (chosen here, or given by `?customerId=` from the customer's page). */
export function NewMessagePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [customerId, setCustomerId] = useState<string | null>(params.get("customerId"));
  const customers = useCustomers();
  return (
    <Stack maw={800}>
      <Anchor component={Link} to="/messages" size="sm">
        {t("messages.back")}
      </Anchor>
      <PageHeader title={t("messages.newThreadTitle")} />
      <Card withBorder>
        <NewThreadForm
          side="staff"
          customerId={customerId}
          customerField={
            <Select
              label={t("messages.customer")}
              searchable
              required
              data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={customerId}
              onChange={setCustomerId}
            />
          }
          onDone={(thread) => navigate(`/messages/${thread.id}`, { replace: true })}
          onCancel={() => navigate(-1)}
        />
      </Card>
    </Stack>
  );
}

export function MessagePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/messages" size="sm">
        {t("messages.back")}
      </Anchor>
      <ThreadView side="staff" id={id} />
    </Stack>
  );
}
