import {
  Anchor,
  AppShell,
  Badge,
  Button,
  Container,
  Group,
  Image,
  Stack,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, NavLink as RouterNavLink } from "react-router";
import { applyAccountLanguage } from "../i18n/index.js";
import { LanguageSwitch } from "../ui/language-switch.js";
import { useLiveEvents } from "../ui/live/use-live-events.js";
import { useUnreadMessages } from "../ui/messages/messages-api.js";
import { ErrorState, PageLoader } from "../ui/page-states.js";
import { SignInPanel } from "./auth/sign-in-panel.js";
import { useBranding, useContactMe, usePortalLogout } from "./portal-api.js";
import { PreviewBanner } from "./preview-banner.js";

export function PortalLayout() {
  const { t } = useTranslation();
  const branding = useBranding().data;
  const me = useContactMe();
  const logout = usePortalLogout();
  const orgName = me.data?.org.name ?? branding?.name ?? "";
  const logoUrl = me.data?.org.logoUrl ?? branding?.logoUrl;
  const contactLanguage = me.data?.contact.language ?? null;
  useEffect(() => applyAccountLanguage(contactLanguage), [contactLanguage]);

  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <AppShell.Header data-print="hide">
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Link to="/" style={{ color: "inherit", textDecoration: "none", minWidth: 0 }}>
              <Group gap="sm" wrap="nowrap" miw={0}>
                {logoUrl ? (
                  <Image
                    src={logoUrl}
                    alt={t("portal.logoAlt", { name: orgName })}
                    h={40}
                    w="auto"
                    maw={140}
                    fit="contain"
                  />
                ) : null}
                <Text
                  fw={700}
                  c="var(--mantine-primary-color-filled)"
                  truncate="end"
                  visibleFrom={logoUrl ? "xs" : undefined}
                >
                  {orgName}
                </Text>
              </Group>
            </Link>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              {me.data ? (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  loading={logout.isPending}
                  onClick={() => logout.mutate()}
                >
                  {t("common.signOut")}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        {me.data?.preview ? <PreviewBanner contactName={me.data.contact.name} /> : null}
        <Container size="lg" py="md">
          {me.isPending ? <PageLoader /> : null}
          {me.isError ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}
          {me.data === null ? <SignInPanel orgName={orgName} signedOut={logout.isSuccess} /> : null}
          {me.data ? (
            <>
              <Stack gap={4} mb="sm" data-print="hide">
                <Group component="nav" gap="md" aria-label={t("portal.nav.label")}>
                  <NavLink to="/" end>
                    {t("portalHome.nav")}
                  </NavLink>
                  <NavLink to="/invoices">{t("quotes.portal.invoicesNav")}</NavLink>
                  <NavLink to="/payments">{t("receipts.nav")}</NavLink>
                  <NavLink to="/quotes">{t("quotes.portal.nav")}</NavLink>
                  {me.data.features.showSalesOrders ? (
                    <NavLink to="/sales-orders">{t("salesOrders.nav")}</NavLink>
                  ) : null}
                  {me.data.features.showProjects ? (
                    <>
                      <NavLink to="/projects">{t("timesheets.projectsNav")}</NavLink>
                      <NavLink to="/timesheets">{t("timesheets.nav")}</NavLink>
                    </>
                  ) : null}
                  {me.data.features.allowMessages ? <MessagesNavLink /> : null}
                  {me.data.features.allowAppointments ? (
                    <NavLink to="/appointments">{t("appointments.nav")}</NavLink>
                  ) : null}
                  <NavLink to="/statement">{t("statement.nav")}</NavLink>
                  <NavLink to="/review">{t("reviews.nav")}</NavLink>
                  <NavLink to="/account">{t("portalSettings.account.nav")}</NavLink>
                </Group>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t("portal.nav.signedInAs", {
                      name: `${me.data.contact.name} · ${me.data.customer.name}`,
                    })}
                  </Text>
                  {me.data.preview ? null : (
                    <Anchor component={Link} to="/account/password" size="sm">
                      {t("portalAuth.change.menu")}
                    </Anchor>
                  )}
                </Group>
              </Stack>
              <Outlet />
            </>
          ) : null}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** A section of the portal; the current one is marked for screen readers (aria-current) and by weight. */
function NavLink({ to, end, children }: { to: string; end?: boolean; children: string }) {
  return (
    <Anchor
      component={RouterNavLink}
      to={to}
      end={end}
      size="sm"
      style={({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 500 })}
    >
      {children}
    </Anchor>
  );
}

/** Messages (E10) with the unread count, kept live by the portal's event stream. */
function MessagesNavLink() {
  const { t } = useTranslation();
  useLiveEvents("portal");
  const unread = useUnreadMessages("portal").data?.unread ?? 0;
  return (
    <Anchor
      component={RouterNavLink}
      to="/messages"
      size="sm"
      style={({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 500 })}
    >
      {t("messages.nav")}
      {unread > 0 ? (
        <>
          <Badge size="xs" color="red" ml={4} data-testid="messages-unread" aria-hidden>
            {unread}
          </Badge>
          <VisuallyHidden>{t("messages.unread", { count: unread })}</VisuallyHidden>
        </>
      ) : null}
    </Anchor>
  );
}
