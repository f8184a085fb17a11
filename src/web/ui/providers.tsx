import "./shell-styles.js";
import { MantineProvider, type MantineThemeOverride, mergeThemeOverrides } from "@mantine/core";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useMemo } from "react";
import { accessibleDefaults } from "./accessible-defaults.js";

const Notifications = lazy(() =>
  import("./notifications-host.js").then((m) => ({ default: m.NotificationsHost })),
);

export function MantineShell(props: { theme: MantineThemeOverride; children: ReactNode }) {
  const theme = useMemo(() => mergeThemeOverrides(props.theme, accessibleDefaults), [props.theme]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Suspense fallback={null}>
        <Notifications position="bottom-right" />
      </Suspense>
      {props.children}
    </MantineProvider>
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
