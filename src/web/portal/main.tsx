import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initI18n } from "../i18n/index.js";
import { reloadOnStaleChunks } from "../ui/lazy-page.js";
import { createQueryClient } from "../ui/query-client.js";
import { queryKeys } from "../ui/query-keys.js";
import { PortalRoot } from "./portal-root.js";

initI18n("portal");
reloadOnStaleChunks();
// A 401 means the contact's session ended or was revoked: show the "open the link" page.
const client = createQueryClient((queryClient) => queryClient.setQueryData(queryKeys.me, null));

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <PortalRoot />
      </QueryClientProvider>
    </StrictMode>,
  );
}
