import { Alert, Button, Code, PasswordInput, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../ui/api-client.js";
import { PageLoader } from "../../ui/page-states.js";
import { useCan } from "../team/permissions.js";
import {
  useRequireTwoFactor,
  useTwoFactorDisable,
  useTwoFactorEnable,
  useTwoFactorSetup,
  useTwoFactorStatus,
} from "./two-factor-api.js";

/**
 * Two-factor sign-in of the signed-in person (decision 022): set up (the secret and the otpauth link as
 * text), confirm with a first code, the recovery codes shown once, turn off with the password; and, for
 * an owner, the switch that requires it of the whole team.
 */
export function TwoFactorPanel() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  // Kept here, not in the enrol form: turning it on refreshes the status, which swaps that form for the
  // turn-off form, and the codes are answered only this once.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (status.isPending) return <PageLoader />;
  const enabled = status.data?.enabled ?? false;
  return (
    <Stack maw={560}>
      <Title order={1} size="h2">
        {t("twoFactor.title")}
      </Title>
      <Text size="sm">{t("twoFactor.intro")}</Text>
      {status.data?.required && !enabled ? (
        <Alert color="orange" role="status">
          {t("twoFactor.requiredByOrg")}
        </Alert>
      ) : null}
      <Text fw={500}>{enabled ? t("twoFactor.on") : t("twoFactor.off")}</Text>
      {recoveryCodes ? <RecoveryCodes codes={recoveryCodes} /> : null}
      {enabled ? <DisableForm /> : <EnrolForm onEnabled={setRecoveryCodes} />}
      <TeamRequirement required={status.data?.required ?? false} />
    </Stack>
  );
}

/** A form of one field and its button, sent without a page load. */
function SubmitForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="xs">{children}</Stack>
    </form>
  );
}

/** A text field bound to its state, showing the error of the call it feeds. */
const bound = (value: string, set: (value: string) => void, call: { isError: boolean; error: unknown }) => ({
  value,
  onChange: (event: ChangeEvent<HTMLInputElement>) => set(event.currentTarget.value),
  error: call.isError ? errorMessage(call.error) : null,
});

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("twoFactor.recoveryTitle")}
      </Title>
      <Alert color="yellow">{t("twoFactor.recoveryHelp")}</Alert>
      <Code block>{codes.join("\n")}</Code>
    </Stack>
  );
}

function EnrolForm({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useTwoFactorSetup();
  const enable = useTwoFactorEnable();
  const [code, setCode] = useState("");
  if (!setup.data)
    return (
      <Button onClick={() => setup.mutate()} loading={setup.isPending} w="fit-content">
        {t("twoFactor.start")}
      </Button>
    );
  return (
    <SubmitForm
      onSubmit={() => enable.mutate(code.trim(), { onSuccess: (data) => onEnabled(data.recoveryCodes) })}
    >
      <Text size="sm">{t("twoFactor.scanHelp")}</Text>
      <Text size="sm">{t("twoFactor.secret")}</Text>
      <Code>{setup.data.secret}</Code>
      <Text size="sm">{t("twoFactor.uri")}</Text>
      <Code block style={{ wordBreak: "break-all" }}>
        {setup.data.otpauthUri}
      </Code>
      <TextInput
        label={t("twoFactor.code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        {...bound(code, setCode, enable)}
      />
      <Button type="submit" loading={enable.isPending} w="fit-content">
        {t("twoFactor.confirm")}
      </Button>
    </SubmitForm>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const disable = useTwoFactorDisable();
  const [password, setPassword] = useState("");
  return (
    <SubmitForm onSubmit={() => disable.mutate(password)}>
      <Title order={2} size="h4">
        {t("twoFactor.disableTitle")}
      </Title>
      <PasswordInput
        label={t("twoFactor.password")}
        autoComplete="current-password"
        {...bound(password, setPassword, disable)}
      />
      <Button type="submit" color="red" variant="light" loading={disable.isPending} w="fit-content">
        {t("twoFactor.disable")}
      </Button>
    </SubmitForm>
  );
}

/** Owners only, as the server's policy says (ownership.manage). */
function TeamRequirement({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const change = useRequireTwoFactor();
  if (!can("ownership.manage")) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("twoFactor.teamTitle")}
      </Title>
      <Switch
        label={t("twoFactor.teamSwitch")}
        checked={change.isPending ? (change.variables ?? required) : required}
        onChange={(event) => change.mutate(event.currentTarget.checked)}
      />
      {change.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(change.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}
