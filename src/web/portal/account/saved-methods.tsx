import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { notifyDone } from "../../ui/notify.js";
import { ErrorState } from "../../ui/page-states.js";
import { useSavedMethodAction, useSavedMethods } from "./my-details-api.js";

const buttonTexts = {
  default: { text: "portalSettings.account.makeDefault", label: "portalSettings.account.makeDefaultLabel" },
  remove: { text: "portalSettings.account.removeMethod", label: "portalSettings.account.removeMethodLabel" },
} as const;

/**
 * E12: the cards and mandates the contact saved when paying; each can be removed (at the provider first)
 * or made the default. Plain buttons named by the method, so a keyboard or a screen reader knows which.
 */
export function SavedMethodsSection() {
  const { t } = useTranslation();
  const methods = useSavedMethods();
  const act = useSavedMethodAction();
  const items = methods.data?.items ?? [];
  const run = (id: string, action: "default" | "remove", label: string) =>
    act.mutate(
      { id, action },
      {
        onSuccess: () =>
          notifyDone(
            t(
              action === "remove"
                ? "portalSettings.account.methodRemoved"
                : "portalSettings.account.methodDefaulted",
              {
                label,
              },
            ),
          ),
      },
    );
  return (
    <Card withBorder component="section" aria-labelledby="saved-methods-section">
      <Title order={2} size="h4" id="saved-methods-section" mb="sm">
        {t("portalSettings.account.savedMethods")}
      </Title>
      {methods.isError ? <ErrorState error={methods.error} onRetry={() => void methods.refetch()} /> : null}
      {act.isError ? (
        <Alert color="red" mb="sm" role="alert">
          {act.error.message}
        </Alert>
      ) : null}
      {methods.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("portalSettings.account.savedMethodsEmpty")}
        </Text>
      ) : null}
      <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {items.map((m) => (
          <Group key={m.id} component="li" justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Text>{m.label}</Text>
              {m.isDefault ? <Badge variant="light">{t("portalSettings.account.savedDefault")}</Badge> : null}
            </Group>
            <Group gap="xs">
              {(m.isDefault ? (["remove"] as const) : (["default", "remove"] as const)).map((action) => (
                <Button
                  key={action}
                  size="xs"
                  variant={action === "remove" ? "subtle" : "default"}
                  color={action === "remove" ? "red" : undefined}
                  disabled={act.isPending}
                  aria-label={t(buttonTexts[action].label, { label: m.label })}
                  onClick={() => run(m.id, action, m.label)}
                >
                  {t(buttonTexts[action].text)}
                </Button>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
