import { Modal, PasswordInput, SegmentedControl, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContactPortalAccess } from "../../../shared/contracts/index.js";
import { isApiError } from "../../ui/api-client.js";
import { FormActions } from "../../ui/form-actions.js";
import { usePortalAccessAction } from "../portal-access/portal-access-api.js";

/** D1: invite by email, or set a password that staff pass on themselves. */
export function EnableAccessModal({
  customerId,
  contact,
  onClose,
}: {
  customerId: string;
  contact: ContactPortalAccess | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const action = usePortalAccessAction(customerId);
  const [mode, setMode] = useState<"invite" | "password">("invite");
  const [password, setPassword] = useState("");
  const close = () => {
    action.reset();
    setPassword("");
    setMode("invite");
    onClose();
  };
  if (!contact) return null;
  const fieldError =
    isApiError(action.error) && action.error.fieldErrors.some((f) => f.field === "body.password")
      ? action.error.detail
      : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    action.mutate(
      {
        kind: "enable",
        contactId: contact.contactId,
        body: mode === "invite" ? { mode } : { mode, password },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            message:
              mode === "invite"
                ? t("portalAccess.done.invited", { email: contact.email ?? "" })
                : t("portalAccess.done.password", { name: contact.name }),
          });
          close();
        },
      },
    );
  };

  return (
    <Modal opened onClose={close} title={t("portalAccess.enableModal.title", { name: contact.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            fullWidth
            aria-label={t("portalAccess.enableModal.modeLabel")}
            value={mode}
            onChange={(v) => setMode(v === "password" ? "password" : "invite")}
            data={[
              { value: "invite", label: t("portalAccess.enableModal.invite") },
              { value: "password", label: t("portalAccess.enableModal.password") },
            ]}
          />
          {mode === "invite" ? (
            <Text size="sm">{t("portalAccess.enableModal.inviteHelp", { email: contact.email ?? "" })}</Text>
          ) : (
            <>
              <Text size="sm">{t("portalAccess.enableModal.passwordHelp")}</Text>
              <PasswordInput
                label={t("portalAccess.enableModal.passwordField")}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="new-password"
                required
                data-autofocus
                error={fieldError}
              />
            </>
          )}
          <FormActions
            error={fieldError ? null : action.error}
            pending={action.isPending}
            label={
              mode === "invite" ? t("portalAccess.enableModal.send") : t("portalAccess.enableModal.save")
            }
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
