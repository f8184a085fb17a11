import type { Messages } from "../types.js";
import type { portalAccessPortalEs } from "./portal-access.portal.es.js";

export const portalAccessPortalEn: Messages<typeof portalAccessPortalEs> = {
  previewBanner: "Preview as {{name}} — read-only",
};
