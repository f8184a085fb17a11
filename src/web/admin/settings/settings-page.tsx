import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import type { StaffAction } from "../../../shared/contracts/staff-actions.js";
import { AvailabilityPanel } from "../appointments/availability-panel.js";
import { PageHeader } from "../layout/page-header.js";
import { NoAccess, useCan } from "../team/permissions.js";
import { TeamPanel } from "../team/team-panel.js";
import { VerifactuPanel } from "../verifactu/verifactu-panel.js";
import { ApiKeysPanel } from "./api-keys-panel.js";
import { EmailTemplatesPanel } from "./email-templates-panel.js";
import { GatewaysPanel } from "./gateways-panel.js";
import { NotificationsPanel } from "./notifications-panel.js";
import { OrganisationPanel } from "./organisation-panel.js";
import { PortalPanel } from "./portal-panel.js";
import { RemindersPanel } from "./reminders-panel.js";
import { TaxesPanel } from "./taxes-panel.js";

const TABS = [
  "organisation",
  "taxes",
  "portal",
  "payments",
  "notifications",
  "reminders",
  "email-templates",
  "appointments",
  "team",
  "api-keys",
  "verifactu",
] as const;
type Tab = (typeof TABS)[number];

/**
 * The staff policy's action each tab needs (issue 12 §3): a role without it does not see the tab, and its
 * address shows the "no access" state. Notifications are part of the portal settings on the server.
 */
const TAB_ACTION: Record<Tab, StaffAction> = {
  organisation: "organisation.update",
  taxes: "taxes.manage",
  portal: "portal_settings.update",
  payments: "payments.gateways",
  notifications: "portal_settings.update",
  reminders: "organisation.update",
  "email-templates": "organisation.update",
  appointments: "organisation.update",
  team: "team.read",
  "api-keys": "api_keys.manage",
  verifactu: "organisation.update",
};

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { tab = "organisation" } = useParams();
  if (!(TABS as readonly string[]).includes(tab)) return <Navigate to="/settings/organisation" replace />;
  const visible = TABS.filter((value) => can(TAB_ACTION[value]));
  if (!visible.includes(tab as Tab)) return <NoAccess />;

  return (
    <Stack maw={960}>
      <PageHeader title={t("admin.settings.title")} />
      <Tabs value={tab} onChange={(value) => value && navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {visible.map((value: Tab) => (
            <Tabs.Tab key={value} value={value}>
              {value === "notifications"
                ? t("portalSettings.notifications.tab")
                : value === "reminders"
                  ? t("reminders.tab")
                  : value === "email-templates"
                    ? t("emailTemplates.tab")
                    : value === "team"
                      ? t("team.tab")
                      : value === "api-keys"
                        ? t("apiKeys.tab")
                        : value === "payments"
                          ? t("gateways.tab")
                          : value === "verifactu"
                            ? t("verifactu.tab")
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
        <Tabs.Panel value="payments">
          <GatewaysPanel />
        </Tabs.Panel>
        <Tabs.Panel value="notifications">
          <NotificationsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="reminders">
          <RemindersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="email-templates">
          <EmailTemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="appointments">
          <AvailabilityPanel />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamPanel />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys">
          <ApiKeysPanel />
        </Tabs.Panel>
        <Tabs.Panel value="verifactu">
          <VerifactuPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
