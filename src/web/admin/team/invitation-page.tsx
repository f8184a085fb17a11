import { Alert, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { TeamInvitationInfo } from "../../../shared/contracts/team.js";
import { isApiError } from "../../ui/api-client.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { NewPasswordFields, newPasswordRules } from "../../ui/password-fields.js";
import { PublicCard } from "../account/staff-password-pages.js";
import { useAcceptInvitation, useTeamInvitation } from "./team-api.js";

/**
 * `/app/invitation/:token`, from the emailed link (issue 12 §3): a new person sets a name and password,
 * a person with an account gives its password; both land signed in to the inviting organisation.
 */
export function TeamInvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const invitation = useTeamInvitation(token);
  const dead = isApiError(invitation.error) && invitation.error.code === "TOKEN_INVALID";
  return (
    <PublicCard
      title={invitation.data ? t("team.accept.title", { org: invitation.data.orgName }) : t("team.tab")}
    >
      {invitation.isPending ? <PageLoader /> : null}
      {dead ? (
        <Alert color="red" role="alert">
          {t("team.accept.invalid")}
        </Alert>
      ) : invitation.isError ? (
        <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
      ) : null}
      {invitation.data ? <AcceptForm token={token} invitation={invitation.data} /> : null}
    </PublicCard>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: TeamInvitationInfo }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const rules = newPasswordRules(t);
  const form = useForm({
    initialValues: { name: "", password: "", confirm: "" },
    validate: invitation.hasAccount
      ? { password: (v: string) => (v ? null : t("errors.required")) }
      : { ...rules, name: (v: string) => (v.trim() ? null : t("errors.required")) },
  });
  const submit = form.onSubmit((values) =>
    accept.mutate(
      invitation.hasAccount
        ? { token, password: values.password }
        : { token, name: values.name.trim(), password: values.password, confirm: values.confirm },
      {
        onSuccess: () => navigate("/", { replace: true }),
        onError: (error) => applyProblemToForm(form, error),
      },
    ),
  );
  const dead = isApiError(accept.error) && accept.error.code === "TOKEN_INVALID";
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {t("team.accept.intro", { role: t(`team.roles.${invitation.role}`), email: invitation.email })}
        </Text>
        {dead ? (
          <Alert color="red" role="alert">
            {t("team.accept.invalid")}
          </Alert>
        ) : (
          <ErrorAlert error={accept.error} />
        )}
        {invitation.hasAccount ? (
          <>
            <Text size="sm">{t("team.accept.existing")}</Text>
            <PasswordInput
              label={t("team.accept.password")}
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
          </>
        ) : (
          <>
            <TextInput
              label={t("team.accept.name")}
              autoComplete="name"
              required
              {...form.getInputProps("name")}
            />
            <NewPasswordFields form={form} />
          </>
        )}
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t("team.accept.submit")}
        </Button>
      </Stack>
    </form>
  );
}
