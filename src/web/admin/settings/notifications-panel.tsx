import { Fieldset, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationPrefs } from "../../../shared/contracts/index.js";
import { FormActions } from "../../ui/form-actions.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import {
  type PortalSettingsResponse,
  usePortalSettings,
  useUpdatePortalSettings,
} from "./organisation-api.js";
import { NOTIFICATION_EVENTS } from "./settings-model.js";

/** C5: which events also email the organisation (they always show in the back office). */
export function NotificationsPanel() {
  const settings = usePortalSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <PrefsForm settings={settings.data} />;
}

function PrefsForm({ settings }: { settings: PortalSettingsResponse }) {
  const { t } = useTranslation();
  const update = useUpdatePortalSettings();
  const [prefs, setPrefs] = useState<NotificationPrefs>(settings.notificationPrefs);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    // Only the preferences are sent as a change; the rest repeats what is saved.
    update.mutate(
      {
        portalEnabled: settings.portalEnabled,
        portalSlug: settings.portalSlug,
        deliveryMode: settings.deliveryMode,
        notificationPrefs: prefs,
      },
      { onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }) },
    );
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack maw={560}>
        <Fieldset legend={t("portalSettings.notifications.title")}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("portalSettings.notifications.intro")}
            </Text>
            {NOTIFICATION_EVENTS.map((event) => (
              <Switch
                key={event}
                label={t(`portalSettings.notifications.${event}`)}
                description={t(`portalSettings.notifications.descriptions.${event}`)}
                checked={prefs[event]}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPrefs((p) => ({ ...p, [event]: on }));
                }}
              />
            ))}
          </Stack>
        </Fieldset>
        <FormActions error={update.error} pending={update.isPending} justify="flex-start" />
      </Stack>
    </form>
  );
}
