import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./responsive-table.css";
import { MantineProvider, type MantineThemeOverride, mergeThemeOverrides } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { accessibleDefaults } from "./accessible-defaults.js";

export function MantineShell(props: { theme: MantineThemeOverride; children: ReactNode }) {
  const theme = useMemo(() => mergeThemeOverrides(props.theme, accessibleDefaults), [props.theme]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
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
