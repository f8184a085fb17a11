import { Button, Card, FileInput, Group, Modal, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SIGNING_CERTIFICATE_MAX_BYTES } from "../../../shared/contracts/facturae.js";
import { ApiError } from "../../ui/api-client.js";
import { FactGrid } from "../../ui/fact.js";
import { fieldErrorText } from "../../ui/field-error-text.js";
import { useFormat } from "../../ui/format.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import {
  fileToBase64,
  useRemoveSigningCertificate,
  useSaveSigningCertificate,
  useSigningCertificate,
} from "./signing-certificate-api.js";

/**
 * Settings › Organisation › Signing certificate (issue 17 §3, decision 053): upload, replace or remove the
 * PKCS#12 that signs Facturae files; only what the certificate says of itself is shown back.
 */
export function SigningCertificateCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useSigningCertificate();
  const save = useSaveSigningCertificate();
  const remove = useRemoveSigningCertificate();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirming, confirm] = useDisclosure(false);

  const errorOf = (field: string): string | undefined => {
    const error = save.error;
    if (!(error instanceof ApiError)) return undefined;
    const found = error.fieldErrors.find((e) => e.field === `body.${field}`);
    return found ? fieldErrorText(found, error) : undefined;
  };

  const submit = async () => {
    setLocalError(null);
    if (!file) return setLocalError(t("signingCertificate.chooseFile"));
    if (file.size > SIGNING_CERTIFICATE_MAX_BYTES) return setLocalError(t("signingCertificate.fileTooLarge"));
    save.mutate(
      { file: await fileToBase64(file), password },
      {
        onSuccess: () => {
          setFile(null);
          setPassword("");
          notifyDone(t("signingCertificate.saved"));
        },
      },
    );
  };

  if (status.isPending) return <PageLoader />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  const cert = status.data.certificate;
  const fieldError = errorOf("file") ?? errorOf("password");

  return (
    <Card withBorder component="section" aria-labelledby="signing-certificate-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="signing-certificate-title">
          {t("signingCertificate.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("signingCertificate.intro")}
        </Text>
        {cert ? (
          <FactGrid
            wrapAnywhere
            facts={[
              [t("signingCertificate.subject"), cert.subject],
              [t("signingCertificate.issuer"), cert.issuer],
              [t("signingCertificate.serialNumber"), cert.serialNumber],
              [
                t("signingCertificate.validity"),
                t("signingCertificate.validityRange", {
                  from: f.date(cert.validFrom),
                  to: f.date(cert.validTo),
                }),
              ],
              [t("signingCertificate.nif"), cert.nif ?? t("signingCertificate.noNif")],
            ]}
          />
        ) : (
          <Text size="sm">{t("signingCertificate.none")}</Text>
        )}
        <Group align="flex-end" gap="xs">
          <FileInput
            label={t("signingCertificate.file")}
            description={t("signingCertificate.fileHint")}
            accept=".p12,.pfx,application/x-pkcs12"
            value={file}
            onChange={setFile}
            clearable
            w={260}
          />
          <PasswordInput
            label={t("signingCertificate.password")}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="off"
            w={220}
          />
          <Button loading={save.isPending} onClick={() => void submit()}>
            {cert ? t("signingCertificate.replace") : t("signingCertificate.upload")}
          </Button>
          {cert ? (
            <Button variant="subtle" color="red" onClick={confirm.open}>
              {t("signingCertificate.remove")}
            </Button>
          ) : null}
        </Group>
        {localError || fieldError ? (
          <Text c="red" size="sm" role="alert">
            {localError ?? fieldError}
          </Text>
        ) : (
          <ErrorAlert error={fieldError ? null : (save.error ?? remove.error)} />
        )}
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title={t("signingCertificate.remove")}>
        <Stack>
          <Text size="sm">{t("signingCertificate.removeConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    confirm.close();
                    notifyDone(t("signingCertificate.removed"));
                  },
                })
              }
            >
              {t("signingCertificate.remove")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
