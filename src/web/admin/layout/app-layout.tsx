import { AppShell, Burger, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { TimeZoneContext } from "../../ui/format.js";
import { LanguageSwitch } from "../../ui/language-switch.js";
import { setOrganisationTimeZone } from "../documents/lines-form-model.js";
import { RunningTimer } from "../projects/running-timer.js";
import { useMe } from "../session.js";
import { useOrganisation } from "../settings/organisation-api.js";
import { OrganisationSwitcher } from "../signup/organisation-switcher.js";
import { NavLinks } from "./nav-links.js";
import { NotificationBell } from "./notification-bell.js";
import { SearchBox } from "./search-box.js";

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  const organisation = useOrganisation();
  // New documents, payments and refunds are dated "today" in the organisation's calendar, as the server's.
  setOrganisationTimeZone(me.data?.org.timeZone ?? organisation.data?.timeZone);
  const orgName = organisation.data?.name ?? me.data?.org.name ?? t("admin.appName");

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "md" }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("admin.nav.toggle")}
              aria-expanded={opened}
            />
            <OrganisationSwitcher orgName={orgName} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SearchBox />
            <RunningTimer />
            <NotificationBell />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t("admin.nav.main")}>
        <NavLinks onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <TimeZoneContext.Provider value={organisation.data?.timeZone}>
          <Outlet />
        </TimeZoneContext.Provider>
      </AppShell.Main>
    </AppShell>
  );
}
