import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "../i18n/index.js";
import { reloadOnStaleChunks } from "../ui/lazy-page.js";
import { createQueryClient } from "../ui/query-client.js";
import { queryKeys } from "../ui/query-keys.js";
import { PortalRoot } from "./portal-root.js";

reloadOnStaleChunks();
// A 401 means the contact's session ended or was revoked: show the "open the link" page.
const client = createQueryClient((queryClient) => queryClient.setQueryData(queryKeys.me, null));

const container = document.getElementById("root");
// The first render waits for the language's texts (one small chunk, decision 033). Not a top-level await:
// with one, the bundler splits the first load into dozens of small chunks to keep the order of execution.
if (container) {
  void initI18n("portal").then(() =>
    createRoot(container).render(
      <StrictMode>
        <QueryClientProvider client={client}>
          <PortalRoot />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
