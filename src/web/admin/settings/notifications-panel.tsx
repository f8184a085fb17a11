import { Button, Fieldset, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type MyNotificationPrefs,
  NOTIFICATION_GROUPS,
  type NotificationEvent,
  type NotificationPrefs,
} from "../../../shared/contracts/index.js";
import { api } from "../../ui/api-client.js";
import { FormActions } from "../../ui/form-actions.js";
import { notifyDone } from "../../ui/notify.js";
import { ErrorAlert, ErrorState, PageLoader } from "../../ui/page-states.js";
import { queryKeys } from "../../ui/query-keys.js";
import { useCan } from "../team/permissions.js";
import {
  type PortalSettingsResponse,
  usePortalSettings,
  useUpdatePortalSettings,
} from "./organisation-api.js";

/**
 * C5: which events also email the organisation (they always show in the back office), in groups; a
 * member's own mutes when the emails go to members; revoking the unsubscribe links sent (decision 044).
 */
export function NotificationsPanel() {
  const can = useCan();
  const settings = usePortalSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack maw={560} gap="xl">
      {can("organisation.update") ? <PrefsForm settings={settings.data} /> : null}
      <MyNotices />
      {can("organisation.update") ? <RevokeLinks /> : null}
    </Stack>
  );
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
      <Stack>
        <Text size="sm" c="dimmed">
          {t("portalSettings.notifications.intro")}
        </Text>
        {NOTIFICATION_GROUPS.map((group) => (
          <Fieldset
            key={group.id}
            legend={t(
              `portalSettings.notifications.groups.${group.id}` as "portalSettings.notifications.groups.documents",
            )}
          >
            <Stack gap="sm">
              {group.events.map((event) => (
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
        ))}
        <FormActions error={update.error} pending={update.isPending} justify="flex-start" />
      </Stack>
    </form>
  );
}

/** The member's own mutes; they count only while the emails go to the owners and admins. */
function MyNotices() {
  const mine = useQuery({
    queryKey: queryKeys.myNotificationPrefs,
    queryFn: ({ signal }) => api.get("/api/auth/notification-preferences", { signal }),
  });
  if (mine.isPending) return <PageLoader />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  return <MyNoticesForm key={mine.data.muted.join(",")} mine={mine.data} />;
}

function MyNoticesForm({ mine }: { mine: MyNotificationPrefs }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [muted, setMuted] = useState<NotificationEvent[]>(mine.muted);
  const save = useMutation({
    mutationFn: () => api.put("/api/auth/notification-preferences", { body: { muted } }),
    onSuccess: (data) => {
      client.setQueryData(queryKeys.myNotificationPrefs, data);
      notifyDone(t("portalSettings.notifications.mine.saved"));
    },
  });
  const active = mine.emailsGoToMembers && mine.receivesEmails;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Fieldset legend={t("portalSettings.notifications.mine.title")}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {!mine.emailsGoToMembers
              ? t("portalSettings.notifications.mine.orgInbox")
              : mine.receivesEmails
                ? t("portalSettings.notifications.mine.intro")
                : t("portalSettings.notifications.mine.notRecipient")}
          </Text>
          {active
            ? NOTIFICATION_GROUPS.flatMap((g) => g.events).map((event) => (
                <Switch
                  key={event}
                  label={t(`portalSettings.notifications.${event}`)}
                  description={
                    mine.organisation[event] ? undefined : t("portalSettings.notifications.mine.offForAll")
                  }
                  disabled={!mine.organisation[event]}
                  checked={mine.organisation[event] && !muted.includes(event)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setMuted((m) => (on ? m.filter((x) => x !== event) : [...m, event]));
                  }}
                />
              ))
            : null}
          {active ? <FormActions error={save.error} pending={save.isPending} justify="flex-start" /> : null}
        </Stack>
      </Fieldset>
    </form>
  );
}

function RevokeLinks() {
  const { t } = useTranslation();
  const revoke = useMutation({
    mutationFn: () => api.post("/api/organisation/unsubscribe-links/revoke"),
    onSuccess: () => notifyDone(t("portalSettings.notifications.revoke.done")),
  });
  return (
    <Fieldset legend={t("portalSettings.notifications.revoke.title")}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("portalSettings.notifications.revoke.intro")}
        </Text>
        <ErrorAlert error={revoke.error} />
        <div>
          <Button variant="default" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            {t("portalSettings.notifications.revoke.action")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
