import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKey, ApiKeyScope, CreatedApiKey } from "../../../shared/contracts/index.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { useFormat } from "../../ui/format.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { ResponsiveTable } from "../../ui/responsive-table.js";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "./api-keys-api.js";
import { apiKeyStatus, expiryOf } from "./api-keys-model.js";

/** Settings → API keys (G5): list, create (the secret shown once), revoke. Owners and admins only. */
export function ApiKeysPanel() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <Stack>
      <Text>{t("apiKeys.intro")}</Text>
      {keys.isPending ? <PageLoader /> : null}
      {keys.isError ? <ErrorState error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {keys.data?.length === 0 ? <Text c="dimmed">{t("apiKeys.empty")}</Text> : null}
      {keys.data && keys.data.length > 0 ? <KeyList keys={keys.data} onRevoke={setRevoking} /> : null}
      <CreateKeyForm onCreated={setCreated} />
      {created ? <SecretModal apiKey={created} onClose={() => setCreated(null)} /> : null}
      {revoking ? <RevokeModal apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </Stack>
  );
}

function KeyList({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = Date.now();
  const status = (k: ApiKey) => apiKeyStatus(k, now);
  return (
    <ResponsiveTable
      minWidth={720}
      label={t("apiKeys.title")}
      rows={keys}
      rowKey={(k) => k.id}
      columns={[
        { key: "name", header: t("apiKeys.name"), kind: "title", cell: (k) => k.name },
        {
          key: "status",
          header: t("apiKeys.status"),
          kind: "aside",
          cell: (k) => (
            <Badge color={status(k) === "active" ? "green" : "gray"} variant="light">
              {t(`apiKeys.${status(k)}`)}
            </Badge>
          ),
        },
        { key: "prefix", header: t("apiKeys.prefix"), cell: (k) => <Code>{k.prefix}…</Code> },
        { key: "scope", header: t("apiKeys.scope"), cell: (k) => t(`apiKeys.scopes.${k.scope}`) },
        { key: "created", header: t("apiKeys.created"), cell: (k) => f.dateTime(k.createdAt) },
        {
          key: "lastUsed",
          header: t("apiKeys.lastUsed"),
          cell: (k) => (k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t("apiKeys.notUsed")),
        },
        {
          key: "expires",
          header: t("apiKeys.expires"),
          cell: (k) => (k.expiresAt ? f.dateTime(k.expiresAt) : t("apiKeys.never")),
        },
        {
          key: "actions",
          header: t("apiKeys.actions"),
          cell: (k) =>
            k.revokedAt ? null : (
              <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(k)}>
                {t("apiKeys.revoke.button")}
              </Button>
            ),
        },
      ]}
    />
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const form = useForm({
    initialValues: { name: "", scope: "read" as ApiKeyScope, expiresOn: "" },
    validate: { name: (v) => (v.trim() ? null : t("apiKeys.create.required")) },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        name: values.name.trim(),
        scope: values.scope,
        expiresAt: expiryOf(values.expiresOn),
      },
      {
        onSuccess: (key) => {
          form.reset();
          onCreated(key);
        },
        onError: (error) =>
          applyProblemToForm(form, error, (path) => (path === "expiresAt" ? "expiresOn" : path)),
      },
    ),
  );

  return (
    <Card withBorder component="section" aria-labelledby="create-api-key-title">
      <Title order={2} size="h5" id="create-api-key-title" mb="sm">
        {t("apiKeys.create.title")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          <TextInput
            label={t("apiKeys.name")}
            description={t("apiKeys.create.nameHint")}
            required
            maxLength={100}
            {...form.getInputProps("name")}
          />
          <Radio.Group label={t("apiKeys.scope")} {...form.getInputProps("scope")}>
            <Group mt="xs">
              <Radio value="read" label={t("apiKeys.scopes.read")} />
              <Radio value="write" label={t("apiKeys.scopes.write")} />
            </Group>
          </Radio.Group>
          <TextInput
            type="date"
            label={t("apiKeys.expires")}
            description={t("apiKeys.create.expiresHint")}
            {...form.getInputProps("expiresOn")}
          />
          <ErrorAlert error={create.error} />
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t("apiKeys.create.submit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function SecretModal({ apiKey, onClose }: { apiKey: CreatedApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t("apiKeys.secret.title")} size="lg">
      <Stack>
        <Alert color="yellow" role="alert">
          {t("apiKeys.secret.warning")}
        </Alert>
        <Text fw={500}>{apiKey.name}</Text>
        <Code block data-testid="api-key-secret" style={{ wordBreak: "break-all" }}>
          {apiKey.secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={apiKey.secret}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? "teal" : undefined} onClick={copy}>
                {copied ? t("apiKeys.secret.copied") : t("apiKeys.secret.copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t("apiKeys.secret.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeModal({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  const confirm = () =>
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("apiKeys.revoke.done") });
        onClose();
      },
    });
  return (
    <Modal opened onClose={onClose} title={t("apiKeys.revoke.title", { name: apiKey.name })}>
      <Stack>
        <Text>{t("apiKeys.revoke.body")}</Text>
        <ErrorAlert error={revoke.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("apiKeys.revoke.cancel")}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={confirm}>
            {t("apiKeys.revoke.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
