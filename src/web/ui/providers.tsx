import "./shell-styles.js";
import { MantineProvider, type MantineThemeOverride, mergeThemeOverrides } from "@mantine/core";
import { useNotifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useMemo, useState } from "react";
import { accessibleDefaults } from "./accessible-defaults.js";

const Notifications = lazy(() =>
  import("./notifications-host.js").then((m) => ({ default: m.NotificationsHost })),
);

export function MantineShell(props: { theme: MantineThemeOverride; children: ReactNode }) {
  const theme = useMemo(() => mergeThemeOverrides(props.theme, accessibleDefaults), [props.theme]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <NotificationsOnDemand />
      {props.children}
    </MantineProvider>
  );
}

/** The toasts' renderer, downloaded when the first toast is shown (the store keeps it meanwhile). */
function NotificationsOnDemand() {
  const store = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && store.notifications.length + store.queue.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="bottom-right" />
    </Suspense>
  );
}

export function AppProviders(props: {
  theme: MantineThemeOverride;
  client: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={props.client}>
      <MantineShell theme={props.theme}>{props.children}</MantineShell>
    </QueryClientProvider>
  );
}
