import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./responsive-table.css";
import { MantineProvider, type MantineThemeOverride } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

export function MantineShell(props: { theme: MantineThemeOverride; children: ReactNode }) {
  return (
    <MantineProvider theme={props.theme} defaultColorScheme="light">
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
