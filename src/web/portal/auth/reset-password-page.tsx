import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isApiError } from "../../ui/api-client.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert } from "../../ui/page-states.js";
import { NewPasswordFields, newPasswordRules } from "../../ui/password-fields.js";
import { useResetPassword } from "./auth-api.js";
import { AuthCard, BackToSignIn } from "./auth-layout.js";

/** From the emailed link: a new password, then the contact signs in with it (no automatic sign-in). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const reset = useResetPassword();
  const form = useForm({ initialValues: { password: "", confirm: "" }, validate: newPasswordRules(t) });
  const submit = form.onSubmit((values) =>
    reset.mutate({ token, ...values }, { onError: (error) => applyProblemToForm(form, error) }),
  );
  const deadToken = !token || (isApiError(reset.error) && reset.error.code === "TOKEN_INVALID");

  return (
    <AuthCard title={t("portalAuth.reset.title")} footer={<BackToSignIn />}>
      {reset.isSuccess ? (
        <Alert color="green" role="status">
          {t("portalAuth.reset.done")}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {token ? (
              <ErrorAlert error={reset.error} />
            ) : (
              <Alert color="red" role="alert">
                {t("portalAuth.reset.missingToken")}
              </Alert>
            )}
            {deadToken ? (
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t("portalAuth.reset.askAgain")}
              </Anchor>
            ) : null}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={reset.isPending} disabled={!token} fullWidth>
              {t("portalAuth.reset.submit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
