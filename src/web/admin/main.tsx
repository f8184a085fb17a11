import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { initI18n } from "../i18n/index.js";
import { isApiError } from "../ui/api-client.js";
import { baseTheme } from "../ui/brand-theme.js";
import { reloadOnStaleChunks } from "../ui/lazy-page.js";
import { AppProviders } from "../ui/providers.js";
// After the providers' shell styles, before any page's: the whole stylesheet, in Mantine's order.
import "../ui/full-styles.js";
import { createQueryClient } from "../ui/query-client.js";
import { queryKeys } from "../ui/query-keys.js";
import { router } from "./router.js";

reloadOnStaleChunks();
// A 401 anywhere means the session ended: forgetting "me" sends the person back to the login page. A
// session the organisation holds until two-factor sign-in is set up goes to its page (decision 022).
const client = createQueryClient(
  (queryClient) => queryClient.setQueryData(queryKeys.me, null),
  (error) => {
    if (isApiError(error) && error.code === "TWO_FACTOR_SETUP_REQUIRED")
      void router.navigate("/account/two-factor");
  },
);

const container = document.getElementById("root");
// The first render waits for the language's texts (one small chunk, decision 033). Not a top-level await:
// with one, the bundler splits the first load into dozens of small chunks to keep the order of execution.
if (container) {
  void initI18n("admin").then(() =>
    createRoot(container).render(
      <StrictMode>
        <AppProviders theme={baseTheme} client={client}>
          <RouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    ),
  );
}
