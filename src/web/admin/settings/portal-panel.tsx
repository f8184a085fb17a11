import { Anchor, Radio, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { FormActions } from "../../ui/form-actions.js";
import { applyProblemToForm } from "../../ui/form-errors.js";
import { ErrorState, PageLoader } from "../../ui/page-states.js";
import {
  type PortalSettingsResponse,
  usePortalSettings,
  useUpdatePortalSettings,
} from "./organisation-api.js";
import { PortalOptionsFields } from "./portal-options-fields.js";

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const MODES = ["pdf", "link", "both"] as const;

export function PortalPanel() {
  const settings = usePortalSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <PortalForm key={settings.data.portalSlug} settings={settings.data} />;
}

/** The address the slug gives, on this server; the saved one comes from the server's PUBLIC_URL. */
function urlFor(settings: PortalSettingsResponse, slug: string): string {
  const saved = settings.portalUrl.replace(/\/+$/, "");
  const base = saved.endsWith(`/p/${settings.portalSlug}`)
    ? saved.slice(0, -settings.portalSlug.length)
    : `${window.location.origin}/p/`;
  return `${base}${slug}`;
}

function PortalForm({ settings }: { settings: PortalSettingsResponse }) {
  const { t } = useTranslation();
  const update = useUpdatePortalSettings();
  const form = useForm({
    initialValues: {
      portalEnabled: settings.portalEnabled,
      portalSlug: settings.portalSlug,
      deliveryMode: settings.deliveryMode as string,
      options: settings.options,
    },
    validate: {
      portalSlug: (v) => {
        const slug = v.trim().toLowerCase();
        return slug.length >= 3 && slug.length <= 40 && SLUG.test(slug) ? null : t("admin.portal.slugHint");
      },
    },
  });
  const slug = form.values.portalSlug.trim().toLowerCase();
  const url = urlFor(settings, slug || "…");

  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        portalEnabled: values.portalEnabled,
        portalSlug: values.portalSlug.trim().toLowerCase(),
        deliveryMode: values.deliveryMode as PortalSettingsResponse["deliveryMode"],
        options: values.options,
      },
      {
        onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
        onError: (error) => applyProblemToForm(form, error),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <Switch
          label={t("admin.portal.enabled")}
          {...form.getInputProps("portalEnabled", { type: "checkbox" })}
        />
        <TextInput
          label={t("admin.portal.slug")}
          description={
            <>
              {t("admin.portal.slugHint")}
              <br />
              {t("portalSettings.slugKeepsLinks")}
            </>
          }
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps("portalSlug")}
        />
        <Text size="sm" aria-live="polite">
          {t("admin.portal.url")}{" "}
          {form.values.portalEnabled && slug === settings.portalSlug ? (
            <Anchor href={url} target="_blank" rel="noopener">
              {url}
            </Anchor>
          ) : (
            <Text span fw={600}>
              {url}
            </Text>
          )}
        </Text>
        <Radio.Group label={t("admin.portal.deliveryMode")} {...form.getInputProps("deliveryMode")}>
          <Stack gap="xs" mt="xs">
            {MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t(`admin.portal.delivery.${mode}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <PortalOptionsFields
          value={form.values.options}
          onChange={(key, on) => form.setFieldValue(`options.${key}`, on)}
        />
        <FormActions error={update.error} pending={update.isPending} justify="flex-start" />
      </Stack>
    </form>
  );
}
