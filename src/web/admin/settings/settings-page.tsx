import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { PageHeader } from "../layout/page-header.js";
import { NotificationsPanel } from "./notifications-panel.js";
import { OrganisationPanel } from "./organisation-panel.js";
import { PortalPanel } from "./portal-panel.js";
import { TaxesPanel } from "./taxes-panel.js";

const TABS = ["organisation", "taxes", "portal", "notifications"] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab = "organisation" } = useParams();
  if (!(TABS as readonly string[]).includes(tab)) return <Navigate to="/settings/organisation" replace />;

  return (
    <Stack maw={960}>
      <PageHeader title={t("admin.settings.title")} />
      <Tabs value={tab} onChange={(value) => value && navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value: Tab) => (
            <Tabs.Tab key={value} value={value}>
              {value === "notifications"
                ? t("portalSettings.notifications.tab")
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
      </Tabs>
    </Stack>
  );
}
