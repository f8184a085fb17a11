import { Alert, Button, Fieldset, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert, PageLoader } from "../../ui/page-states.js";
import { PublicCard } from "../account/staff-password-pages.js";
import { useMe } from "../session.js";
import { OrganisationFields } from "./organisation-fields.js";
import { useAuthOptions, useSignup } from "./signup-api.js";
import { initialOrganisationValues, type SignupValues, toSignupBody } from "./signup-model.js";

/** Public sign-up (issue 12, A1): a new organisation and its owner, who lands on the first-run checklist. */
export function SignupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const options = useAuthOptions();
  const signup = useSignup();
  const required = (v: string) => (v.trim() ? null : t("errors.required"));
  const form = useForm<SignupValues>({
    initialValues: { ...initialOrganisationValues(i18n.language || "es"), name: "", email: "", password: "" },
    validate: {
      organisationName: required,
      slug: required,
      name: required,
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t("errors.invalidEmail")),
      password: (v) => (v ? null : t("errors.required")),
    },
  });

  if (me.isPending || options.isPending) return <PageLoader />;
  if (me.data) return <Navigate to="/" replace />;

  const submit = form.onSubmit((values) =>
    signup.mutate(toSignupBody(values), {
      onSuccess: () => navigate("/", { replace: true }),
      onError: (error) => applyProblemToForm(form, error),
    }),
  );

  if (options.data?.signupOpen === false)
    return (
      <PublicCard title={t("signup.title")}>
        <Alert color="yellow" role="status">
          {t("signup.closed")}
        </Alert>
      </PublicCard>
    );
  return (
    <PublicCard title={t("signup.title")} maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t("signup.intro")}</Text>
          <ErrorAlert error={signup.error} />
          <Fieldset legend={t("signup.sectionOrganisation")}>
            <OrganisationFields form={form} />
          </Fieldset>
          <Fieldset legend={t("signup.sectionPerson")}>
            <Stack gap="sm">
              <TextInput
                label={t("signup.name")}
                required
                autoComplete="name"
                {...form.getInputProps("name")}
              />
              <TextInput
                label={t("signup.email")}
                type="email"
                required
                autoComplete="username"
                {...form.getInputProps("email")}
              />
              <PasswordInput
                label={t("signup.password")}
                description={t("signup.passwordHint")}
                required
                autoComplete="new-password"
                visibilityToggleButtonProps={{ "aria-label": t("admin.login.showPassword") }}
                {...form.getInputProps("password")}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" loading={signup.isPending} fullWidth>
            {t("signup.submit")}
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
