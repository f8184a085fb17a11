import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { PageHeader } from "../layout/page-header.js";
import { useMe } from "../session.js";
import { ApiKeysPanel } from "./api-keys-panel.js";
import { NotificationsPanel } from "./notifications-panel.js";
import { OrganisationPanel } from "./organisation-panel.js";
import { PortalPanel } from "./portal-panel.js";
import { TaxesPanel } from "./taxes-panel.js";

const TABS = ["organisation", "taxes", "portal", "notifications", "api-keys"] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab = "organisation" } = useParams();
  // API keys are for owners and admins (issue 12); the server refuses the staff role too.
  const tabs = useMe().data?.role === "staff" ? TABS.filter((v) => v !== "api-keys") : TABS;
  if (!(tabs as readonly string[]).includes(tab)) return <Navigate to="/settings/organisation" replace />;

  return (
    <Stack maw={960}>
      <PageHeader title={t("admin.settings.title")} />
      <Tabs value={tab} onChange={(value) => value && navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((value: Tab) => (
            <Tabs.Tab key={value} value={value}>
              {value === "notifications"
                ? t("portalSettings.notifications.tab")
                : value === "api-keys"
                  ? t("apiKeys.tab")
                  : t(`admin.settings.${value}Tab`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="organisation">
          <OrganisationPanel />
        </Tabs.Panel>
        <Tabs.Panel value="taxes">
          <TaxesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="portal">
          <PortalPanel />
        </Tabs.Panel>
        <Tabs.Panel value="notifications">
          <NotificationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys">
          <ApiKeysPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
