import { Alert, Anchor, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { LanguageSwitch } from "../../ui/language-switch.js";
import { newPasswordRules } from "../../ui/password-fields.js";
import { ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm } from "../../ui/password-forms.js";
import {
  useStaffChangePassword,
  useStaffForgotPassword,
  useStaffResetPassword,
} from "./staff-password-api.js";

/** A card like the sign-in page's, for the pages reached without a session (these and sign-up). */
export function PublicCard({
  title,
  children,
  maw = 420,
}: {
  title: string;
  children: ReactNode;
  maw?: number;
}) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={maw}>
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
        <ForgotPasswordForm form={form} onSubmit={submit} sending={forgot} texts="staffPasswords" />
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
  return (
    <PublicCard title={t("staffPasswords.reset.title")}>
      {reset.isSuccess ? (
        <Alert color="green" role="status">
          {t("staffPasswords.reset.done")}
        </Alert>
      ) : (
        <ResetPasswordForm
          form={form}
          onSubmit={submit}
          token={token}
          sending={reset}
          texts="staffPasswords"
        />
      )}
    </PublicCard>
  );
}

/** For the signed-in staff member: current, new and confirm; other sessions end on success. */
export function StaffChangePasswordPage() {
  const { t } = useTranslation();
  const change = useStaffChangePassword();
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
      <ChangePasswordForm sending={change} texts="staffPasswords" />
      <Anchor component={Link} to="/account/two-factor" size="sm">
        {t("twoFactor.menu")}
      </Anchor>
    </Stack>
  );
}
