import { Alert } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { newPasswordRules } from "../../ui/password-fields.js";
import { ResetPasswordForm } from "../../ui/password-forms.js";
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

  return (
    <AuthCard title={t("portalAuth.reset.title")} footer={<BackToSignIn />}>
      {reset.isSuccess ? (
        <Alert color="green" role="status">
          {t("portalAuth.reset.done")}
        </Alert>
      ) : (
        <ResetPasswordForm form={form} onSubmit={submit} token={token} sending={reset} texts="portalAuth" />
      )}
    </AuthCard>
  );
}
