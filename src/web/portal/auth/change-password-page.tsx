import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../ui/api-client.js";
import { ChangePasswordForm } from "../../ui/password-forms.js";
import { useContactMe } from "../portal-api.js";
import { useChangePassword } from "./auth-api.js";
import { AuthCard } from "./auth-layout.js";

/** D5, for a signed-in contact: current, new and confirm; other sessions end on success. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const preview = useContactMe().data?.preview === true;
  const change = useChangePassword();
  const wrongCurrent = isApiError(change.error) && change.error.code === "WRONG_PASSWORD";

  return (
    <AuthCard title={t("portalAuth.change.title")}>
      <Text size="sm">{t("portalAuth.change.intro")}</Text>
      {change.isSuccess ? (
        <Alert color="green" role="status">
          {t("portalAuth.change.done")}
        </Alert>
      ) : null}
      <ChangePasswordForm
        sending={change}
        texts="portalAuth"
        hint={
          wrongCurrent ? (
            <Text size="sm" c="dimmed">
              {t("portalAuth.change.noPassword")}
            </Text>
          ) : null
        }
        disabled={preview}
        fullWidth
      />
    </AuthCard>
  );
}
