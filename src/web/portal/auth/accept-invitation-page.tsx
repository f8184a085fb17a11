import { Button, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { NewPasswordFields, newPasswordRules } from "../../ui/password-fields.js";
import { useAcceptInvitation, useInvitation } from "./auth-api.js";
import { AuthCard, BackToSignIn } from "./auth-layout.js";

/** D1: the emailed invitation; choosing the password signs the contact in and opens the portal. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useParams().token ?? "";
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const form = useForm({ initialValues: { password: "", confirm: "" }, validate: newPasswordRules(t) });
  const submit = form.onSubmit((values) =>
    accept.mutate(
      { token, ...values },
      {
        onSuccess: () => navigate("/", { replace: true }),
        onError: (error) => applyProblemToForm(form, error),
      },
    ),
  );

  return (
    <AuthCard title={t("portalAuth.invitation.title")} footer={<BackToSignIn />}>
      {invitation.isPending ? <PageLoader /> : null}
      {invitation.isError ? <ErrorState error={invitation.error} /> : null}
      {invitation.data ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t("portalAuth.invitation.intro", { name: invitation.data.contactName })}</Text>
            <div>
              <Text size="sm" c="dimmed">
                {t("portalAuth.invitation.userName")}
              </Text>
              <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                {invitation.data.email}
              </Text>
            </div>
            <ErrorAlert error={accept.error} />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={accept.isPending} fullWidth>
              {t("portalAuth.invitation.submit")}
            </Button>
          </Stack>
        </form>
      ) : null}
    </AuthCard>
  );
}
