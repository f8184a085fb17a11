import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../ui/api-client.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { queryKeys } from "../../ui/query-keys.js";
import { useCan } from "../team/permissions.js";
import { usePortalSettings } from "./organisation-api.js";

/**
 * Settings → Organisation, owners only (issue 12 §1): download all the data, and the danger zone that
 * deletes the organisation once its portal slug is typed (the server checks the same).
 */
export function OrganisationDataPanel({ name }: { name: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [deleting, setDeleting] = useState(false);
  if (!can("organisation.delete")) return null;
  return (
    <Stack>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={3}>{t("organisationData.exportTitle")}</Title>
          <Text>{t("organisationData.exportIntro")}</Text>
          <Group>
            <Button component="a" href="/api/organisation/export" download variant="default">
              {t("organisationData.exportButton")}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder style={{ borderColor: "var(--mantine-color-red-6)" }}>
        <Stack gap="xs">
          <Title order={3} c="red">
            {t("organisationData.dangerTitle")}
          </Title>
          <Text>{t("organisationData.dangerIntro")}</Text>
          <Alert color="yellow">{t("organisationData.lawNotice")}</Alert>
          <Group>
            <Button color="red" onClick={() => setDeleting(true)}>
              {t("organisationData.deleteButton")}
            </Button>
          </Group>
        </Stack>
      </Card>
      {deleting ? <DeleteModal name={name} onClose={() => setDeleting(false)} /> : null}
    </Stack>
  );
}

function DeleteModal({ name, onClose }: { name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const slug = usePortalSettings().data?.portalSlug ?? "";
  const [typed, setTyped] = useState("");
  const remove = useMutation({
    mutationFn: (body: { slug: string }) => api.post("/api/organisation/delete", { body }),
    onSuccess: () => {
      // Signed out as by the server's cleared cookie: nothing of the organisation stays in the cache.
      client.clear();
      client.setQueryData(queryKeys.me, null);
      notifications.show({ color: "green", message: t("organisationData.done") });
      navigate("/login", { replace: true });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t("organisationData.modalTitle", { name })}>
      <Stack>
        <Text>{t("organisationData.dangerIntro")}</Text>
        <Alert color="yellow">{t("organisationData.lawNotice")}</Alert>
        <TextInput
          label={t("organisationData.typeSlug", { slug })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
        />
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button
            color="red"
            disabled={slug === "" || typed.trim() !== slug}
            loading={remove.isPending}
            onClick={() => remove.mutate({ slug: typed.trim() })}
          >
            {t("organisationData.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
