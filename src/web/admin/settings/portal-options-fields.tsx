import { Fieldset, Stack, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalOptionKey, PortalOptions } from "../../../shared/contracts/index.js";
import { SHOWN_PORTAL_OPTIONS } from "./settings-model.js";

/** C4 switches; each is enforced by the server's portal policy, not only hidden on screen. */
export function PortalOptionsFields({
  value,
  onChange,
}: {
  value: PortalOptions;
  onChange: (key: PortalOptionKey, on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t("portalSettings.options.title")}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("portalSettings.options.intro")}
        </Text>
        {SHOWN_PORTAL_OPTIONS.map(({ key, help }) => (
          <Switch
            key={key}
            checked={value[key]}
            onChange={(e) => onChange(key, e.currentTarget.checked)}
            label={t(`portalSettings.options.${key}`)}
            description={help ? t(`portalSettings.options.${help}`) : undefined}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
