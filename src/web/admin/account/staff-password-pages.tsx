import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isApiError } from "../../ui/api-client.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { LanguageSwitch } from "../../ui/language-switch.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { NewPasswordFields, newPasswordRules } from "../../ui/password-fields.js";
import {
  useStaffChangePassword,
  useStaffForgotPassword,
  useStaffResetPassword,
} from "./staff-password-api.js";

/** A card like the sign-in page's, for the pages reached without a session. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={420}>
        <Stack>
          <Group justify="space-between" wrap="nowrap">
            <Title order={1} size="h3">
              {title}
            </Title>
            <LanguageSwitch />
          </Group>
          {children}
          <Anchor component={Link} to="/login" size="sm">
            {t("staffPasswords.backToSignIn")}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}

/** Always the same confirmation, whether or not the address has an account (no enumeration). */
export function StaffForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useStaffForgotPassword();
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (v) => (v.trim() ? null : t("errors.required")) },
  });
  const submit = form.onSubmit((values) =>
    forgot.mutate(values.email.trim(), { onError: (error) => applyProblemToForm(form, error) }),
  );
  return (
    <PublicCard title={t("staffPasswords.forgot.title")}>
      {forgot.isSuccess ? (
        <Alert color="green" role="status">
          {t("staffPasswords.forgot.sent")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("staffPasswords.forgot.intro")}</Text>
            <ErrorAlert error={forgot.error} />
            <TextInput
              label={t("staffPasswords.email")}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <Button type="submit" loading={forgot.isPending} fullWidth>
              {t("staffPasswords.forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </PublicCard>
  );
}

/** From the emailed link (`/app/reset-password?token=…`): a new password, then sign in with it. */
export function StaffResetPasswordPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const reset = useStaffResetPassword();
  const form = useForm({ initialValues: { password: "", confirm: "" }, validate: newPasswordRules(t) });
  const submit = form.onSubmit((values) =>
    reset.mutate({ token, ...values }, { onError: (error) => applyProblemToForm(form, error) }),
  );
  const deadToken = !token || (isApiError(reset.error) && reset.error.code === "TOKEN_INVALID");
  return (
    <PublicCard title={t("staffPasswords.reset.title")}>
      {reset.isSuccess ? (
        <Alert color="green" role="status">
          {t("staffPasswords.reset.done")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {token ? (
              <ErrorAlert error={reset.error} />
            ) : (
              <Alert color="red" role="alert">
                {t("staffPasswords.reset.missingToken")}
              </Alert>
            )}
            {deadToken ? (
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t("staffPasswords.reset.askAgain")}
              </Anchor>
            ) : null}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={reset.isPending} disabled={!token} fullWidth>
              {t("staffPasswords.reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </PublicCard>
  );
}

/** For the signed-in staff member: current, new and confirm; other sessions end on success. */
export function StaffChangePasswordPage() {
  const { t } = useTranslation();
  const change = useStaffChangePassword();
  const form = useForm({
    initialValues: { currentPassword: "", password: "", confirm: "" },
    validate: newPasswordRules(t),
  });
  const submit = form.onSubmit((values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.password, confirm: values.confirm },
      {
        onSuccess: () => form.reset(),
        onError: (error) => applyProblemToForm(form, error, (f) => (f === "newPassword" ? "password" : f)),
      },
    ),
  );
  return (
    <Stack maw={480}>
      <Title order={1} size="h2">
        {t("staffPasswords.change.title")}
      </Title>
      <Text size="sm">{t("staffPasswords.change.intro")}</Text>
      {change.isSuccess ? (
        <Alert color="green" role="status">
          {t("staffPasswords.change.done")}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t("staffPasswords.change.current")}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ "aria-label": t("admin.login.showPassword") }}
            {...form.getInputProps("currentPassword")}
          />
          <NewPasswordFields form={form} />
          <Button type="submit" loading={change.isPending}>
            {t("staffPasswords.change.submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
