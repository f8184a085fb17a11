import type { MantineThemeOverride } from "@mantine/core";
import i18n from "../i18n/index.js";

/**
 * Defaults that keep Mantine's dialogs within WCAG for both apps (axe, issue 10 item 13), merged into
 * whatever theme an app uses so each modal need not repeat them.
 */
export const accessibleDefaults: MantineThemeOverride = {
  components: {
    // Mantine renders a modal's header as <header> inside <section role="dialog">, which assistive
    // technology takes for a second page banner next to the app's own.
    ModalHeader: { defaultProps: { component: "div" } },
    // The × button is an icon: it needs a name, read at render time so it follows the UI's language.
    ModalCloseButton: { defaultProps: () => ({ "aria-label": i18n.t("common.close") }) },
    Notification: { defaultProps: () => ({ closeButtonProps: { "aria-label": i18n.t("common.close") } }) },
    // A menu may hold only menu items; Mantine's focus placeholder is a focusable <div> among them
    // (axe aria-required-children). Without it, opening a menu focuses its first item, as ARIA's
    // menu pattern expects.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
};
