import { Alert } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ForgotPasswordForm } from "../../ui/password-forms.js";
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
        <ForgotPasswordForm form={form} onSubmit={submit} sending={forgot} texts="portalAuth" />
      )}
    </AuthCard>
  );
}
