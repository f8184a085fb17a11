import { Alert, Anchor, Center, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { errorMessage, isApiError } from "../../ui/api-client.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { LanguageSwitch } from "../../ui/language-switch.js";
import { PageLoader } from "../../ui/page-states.js";
import { SignInFields } from "../../ui/password-forms.js";
import { useLogin, useMe } from "../session.js";
import { useAuthOptions } from "../signup/signup-api.js";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const options = useAuthOptions();
  // Asked for once the server answers TOTP_REQUIRED (decision 022): the app's code or a recovery code.
  const [secondStep, setSecondStep] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm({
    initialValues: { email: "", password: "", code: "" },
    validate: {
      email: (v) => (v.trim() ? null : t("errors.required")),
      password: (v) => (v ? null : t("errors.required")),
    },
  });
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={from} replace />;

  const submit = form.onSubmit((values) =>
    login.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        ...(secondStep && values.code.trim()
          ? useRecovery
            ? { recoveryCode: values.code.trim() }
            : { code: values.code.trim() }
          : {}),
      },
      {
        onSuccess: () => navigate(from, { replace: true }),
        onError: (error) => {
          if (isApiError(error) && error.code === "TOTP_REQUIRED") setSecondStep(true);
          applyProblemToForm(form, error);
        },
      },
    ),
  );

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" wrap="nowrap">
              <Title order={1} size="h3">
                {t("admin.login.title")}
              </Title>
              <LanguageSwitch />
            </Group>
            {login.isError ? (
              <Alert color="red" role="alert">
                {errorMessage(login.error)}
              </Alert>
            ) : null}
            <SignInFields
              form={form}
              pending={login.isPending}
              texts="staffPasswords"
              extra={
                secondStep ? (
                  <>
                    <TextInput
                      label={useRecovery ? t("twoFactor.login.recoveryCode") : t("twoFactor.login.code")}
                      autoComplete="one-time-code"
                      inputMode={useRecovery ? "text" : "numeric"}
                      {...form.getInputProps("code")}
                    />
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => setUseRecovery(!useRecovery)}
                    >
                      {useRecovery ? t("twoFactor.login.useCode") : t("twoFactor.login.useRecovery")}
                    </Anchor>
                  </>
                ) : null
              }
            />
            {options.data?.signupOpen ? (
              <Anchor component={Link} to="/signup" size="sm">
                {t("signup.createLink")}
              </Anchor>
            ) : null}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
