import { Anchor, AppShell, Button, Container, Group, Image, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { applyAccountLanguage } from "../i18n/index.js";
import { LanguageSwitch } from "../ui/language-switch.js";
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
            <Link to="/invoices" style={{ color: "inherit", textDecoration: "none", minWidth: 0 }}>
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
              <Group gap="xs" mb="sm" data-print="hide">
                <Group component="nav" gap="xs">
                  <Anchor component={Link} to="/invoices" size="sm" fw={600}>
                    {t("quotes.portal.invoicesNav")}
                  </Anchor>
                  <Anchor component={Link} to="/quotes" size="sm" fw={600}>
                    {t("quotes.portal.nav")}
                  </Anchor>
                </Group>
                <Text size="sm" c="dimmed">
                  {t("portal.nav.signedInAs", { name: `${me.data.contact.name} · ${me.data.customer.name}` })}
                </Text>
                {me.data.features.showSalesOrders ? (
                  <>
                    <Anchor component={Link} to="/invoices" size="sm">
                      {t("salesOrders.portal.invoicesNav")}
                    </Anchor>
                    <Anchor component={Link} to="/sales-orders" size="sm">
                      {t("salesOrders.nav")}
                    </Anchor>
                  </>
                ) : null}
                <Anchor component={Link} to="/account" size="sm">
                  {t("portalSettings.account.nav")}
                </Anchor>
                {me.data.preview ? null : (
                  <Anchor component={Link} to="/account/password" size="sm">
                    {t("portalAuth.change.menu")}
                  </Anchor>
                )}
              </Group>
              <Outlet />
            </>
          ) : null}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
