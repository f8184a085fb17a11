import { Alert, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { errorMessage, isApiError } from "../../ui/api-client.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { SignInFields } from "../../ui/password-forms.js";
import { usePortalLogin } from "./auth-api.js";
import { AuthCard } from "./auth-layout.js";

/**
 * What the portal shows without a session, wherever the visitor was going: after signing in, the page
 * they asked for opens (the layout re-reads who is signed in).
 */
export function SignInPanel({ orgName, signedOut }: { orgName: string; signedOut: boolean }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const login = usePortalLogin();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (v.trim() ? null : t("portalAuth.required")),
      password: (v) => (v ? null : t("portalAuth.required")),
    },
  });
  const submit = form.onSubmit((values) =>
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onError: (error) => applyProblemToForm(form, error) },
    ),
  );
  const locked = isApiError(login.error) && login.error.code === "ACCOUNT_LOCKED";

  return (
    <AuthCard title={t("portalAuth.signIn.title", { name: orgName })}>
      {signedOut ? (
        <Alert color="green" role="status">
          {t("portal.signInNeeded.signedOut")}
        </Alert>
      ) : null}
      {search.get("error") === "LINK_INVALID" && !login.isError ? (
        <Alert color="yellow" role="status">
          {t("portalAuth.signIn.linkInvalid")}
        </Alert>
      ) : null}
      {search.get("error") === "CP1003" && !login.isError ? (
        <Alert color="yellow" role="status">
          {t("customerRecords.portal.accessEnded")}
        </Alert>
      ) : null}
      {login.isError ? (
        <Alert color="red" role="alert">
          {locked ? t("portalAuth.signIn.locked") : errorMessage(login.error)}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <SignInFields form={form} pending={login.isPending} texts="portalAuth" />
        </Stack>
      </form>
      <Text size="sm" c="dimmed">
        {t("portalAuth.signIn.linkHint")}
      </Text>
    </AuthCard>
  );
}
