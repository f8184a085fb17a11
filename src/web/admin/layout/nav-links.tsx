import { AppShell, Badge, Button, NavLink, ScrollArea, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useLiveEvents } from "../../ui/live/use-live-events.js";
import { useUnreadMessages } from "../../ui/messages/messages-api.js";
import { useLogout, useMe } from "../session.js";
import { useCan } from "../team/permissions.js";

const LINKS = [
  { to: "/", key: "dashboard" },
  { to: "/customers", key: "customers" },
  { to: "/invoices", key: "invoices" },
  { to: "/recurring", key: "recurring" },
  { to: "/payments", key: "payments" },
  { to: "/quotes", key: "quotes" },
  { to: "/sales-orders", key: "salesOrders" },
  { to: "/projects", key: "projects" },
  { to: "/timesheets", key: "timesheets" },
  { to: "/messages", key: "messages" },
  { to: "/reviews", key: "reviews" },
  { to: "/appointments", key: "appointments" },
  { to: "/portal-access", key: "portalAccess" },
  { to: "/outbox", key: "outbox" },
  { to: "/settings/organisation", key: "settings" },
] as const;

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const can = useCan();
  // Settings are the organisation's (issue 12 §3): shown to a role that may change some of them.
  const links = LINKS.filter((link) => link.key !== "settings" || can("organisation.update"));

  const isActive = (to: string) => {
    if (to === "/") return pathname === "/";
    const section = to.split("/")[1] ?? "";
    return pathname === `/${section}` || pathname.startsWith(`/${section}/`);
  };

  return (
    <>
      {/* The links scroll on their own, so the account section (sign out) stays in view on a short screen. */}
      <AppShell.Section grow component={ScrollArea} type="auto">
        {links.map((link) => (
          <NavLink
            key={link.key}
            component={Link}
            to={link.to}
            label={
              link.key === "portalAccess"
                ? t("portalAccess.nav")
                : link.key === "quotes"
                  ? t("quotes.nav")
                  : link.key === "salesOrders"
                    ? t("salesOrders.nav")
                    : link.key === "projects"
                      ? t("projects.nav")
                      : link.key === "timesheets"
                        ? t("timesheets.nav")
                        : link.key === "messages"
                          ? t("messages.nav")
                          : link.key === "payments"
                            ? t("moneyAdmin.nav")
                            : link.key === "recurring"
                              ? t("recurring.nav")
                              : link.key === "reviews"
                                ? t("reviews.listTitle")
                                : t(`admin.nav.${link.key}`)
            }
            rightSection={link.key === "messages" ? <UnreadMessagesBadge /> : undefined}
            active={isActive(link.to)}
            aria-current={isActive(link.to) ? "page" : undefined}
            onClick={onNavigate}
          />
        ))}
      </AppShell.Section>
      <AppShell.Section pt="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        {me.data ? (
          <Text size="sm" c="dimmed" px="xs" truncate="end">
            {me.data.user.name}
          </Text>
        ) : null}
        <NavLink
          component={Link}
          to="/account/password"
          label={t("staffPasswords.change.menu")}
          active={pathname === "/account/password"}
          aria-current={pathname === "/account/password" ? "page" : undefined}
          onClick={onNavigate}
        />
        <Button
          variant="subtle"
          fullWidth
          justify="flex-start"
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
        >
          {t("common.signOut")}
        </Button>
      </AppShell.Section>
    </>
  );
}

/** The staff's unread messages (E10), kept live by the back office's event stream. */
function UnreadMessagesBadge() {
  const { t } = useTranslation();
  useLiveEvents("staff");
  const unread = useUnreadMessages("staff").data?.unread ?? 0;
  if (unread === 0) return null;
  return (
    <>
      <Badge size="sm" color="red" data-testid="messages-unread" aria-hidden>
        {unread}
      </Badge>
      <VisuallyHidden>{t("messages.unread", { count: unread })}</VisuallyHidden>
    </>
  );
}
