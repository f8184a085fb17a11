import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { useForgotPassword } from "./auth-api.js";
import { AuthCard, BackToSignIn } from "./auth-layout.js";

/** Always the same confirmation, whether or not the address has an account (no enumeration). */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (v) => (v.trim() ? null : t("portalAuth.required")) },
  });
  const submit = form.onSubmit((values) =>
    forgot.mutate(values.email.trim(), { onError: (error) => applyProblemToForm(form, error) }),
  );

  return (
    <AuthCard title={t("portalAuth.forgot.title")} footer={<BackToSignIn />}>
      {forgot.isSuccess ? (
        <Alert color="green" role="status">
          {t("portalAuth.forgot.sent")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("portalAuth.forgot.intro")}</Text>
            <ErrorAlert error={forgot.error} />
            <TextInput
              label={t("portalAuth.email")}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <Button type="submit" loading={forgot.isPending} fullWidth>
              {t("portalAuth.forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
