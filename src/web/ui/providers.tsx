import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "./responsive-table.css";
import {
  createTheme,
  MantineProvider,
  type MantineThemeOverride,
  Modal,
  mergeThemeOverrides,
  Notification,
} from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";

/** Mantine's close buttons are icons without a name: every modal and notification gets one in the UI's language. */
function useNamedCloseButtons(theme: MantineThemeOverride): MantineThemeOverride {
  const { t } = useTranslation();
  const close = t("common.close");
  return useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": close } } }),
            Notification: Notification.extend({
              defaultProps: { closeButtonProps: { "aria-label": close } },
            }),
          },
        }),
      ),
    [theme, close],
  );
}

export function MantineShell(props: { theme: MantineThemeOverride; children: ReactNode }) {
  const theme = useNamedCloseButtons(props.theme);
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
