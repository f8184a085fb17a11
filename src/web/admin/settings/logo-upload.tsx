import { Button, Card, FileButton, Group, Image, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganisationProfile } from "../../../shared/contracts/index.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useRemoveLogo, useUploadLogo } from "./organisation-api.js";

const MAX_BYTES = 1024 * 1024;
const TYPES = ["image/png", "image/jpeg"];

export function LogoUpload({ profile }: { profile: OrganisationProfile }) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const [localError, setLocalError] = useState<string | null>(null);

  const choose = (file: File | null) => {
    setLocalError(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setLocalError(t("errors.fileType"));
    if (file.size > MAX_BYTES) return setLocalError(t("errors.fileTooLarge"));
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: "green", message: t("admin.logo.uploaded") }),
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="logo-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="logo-title">
          {t("admin.logo.title")}
        </Title>
        {profile.logoUrl ? (
          <Image
            src={profile.logoUrl}
            alt={t("admin.logo.alt", { name: profile.name })}
            h={64}
            w="auto"
            fit="contain"
            maw={240}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t("admin.logo.none")}
          </Text>
        )}
        <Group gap="xs">
          <FileButton onChange={choose} accept={TYPES.join(",")}>
            {(props) => (
              <Button {...props} variant="light" loading={upload.isPending}>
                {t("admin.logo.upload")}
              </Button>
            )}
          </FileButton>
          {profile.logoUrl ? (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => notifications.show({ message: t("admin.logo.removed") }),
                })
              }
            >
              {t("admin.logo.remove")}
            </Button>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t("admin.logo.hint")}
        </Text>
        {localError ? (
          <Text c="red" size="sm" role="alert">
            {localError}
          </Text>
        ) : null}
        <ErrorAlert error={upload.error ?? remove.error} />
      </Stack>
    </Card>
  );
}
