import { Badge, Fieldset, Group, Stack, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalOptionKey, PortalOptions } from "../../../shared/contracts/index.js";

/** In the order of FEATURES.md C4; `soon` marks options whose portal feature has not landed yet. */
const OPTIONS: { key: PortalOptionKey; soon?: boolean; help?: "allowPaypalHelp" | "showBankAccountHelp" }[] =
  [
    { key: "allowMessages", soon: true },
    { key: "showAddress" },
    { key: "showPhones" },
    { key: "showSocial" },
    { key: "allowPaypal", help: "allowPaypalHelp" },
    { key: "showBankAccount", help: "showBankAccountHelp" },
    { key: "allowQuoteAcceptance" },
    { key: "showSalesOrders", soon: true },
    { key: "showProjects", soon: true },
    { key: "allowAppointments", soon: true },
  ];

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
        {OPTIONS.map(({ key, soon, help }) => (
          <Switch
            key={key}
            checked={value[key]}
            onChange={(e) => onChange(key, e.currentTarget.checked)}
            label={
              <Group gap={6} wrap="wrap">
                <span>{t(`portalSettings.options.${key}`)}</span>
                {soon ? (
                  <Badge size="xs" variant="light" color="gray">
                    {t("portalSettings.options.soon")}
                  </Badge>
                ) : null}
              </Group>
            }
            description={
              help
                ? t(`portalSettings.options.${help}`)
                : soon
                  ? t("portalSettings.options.comingSoon")
                  : undefined
            }
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
