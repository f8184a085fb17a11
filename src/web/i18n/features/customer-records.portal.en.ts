import type { Messages } from "../types.js";
import type { customerRecordsPortalEs } from "./customer-records.portal.es.js";

export const customerRecordsPortalEn: Messages<typeof customerRecordsPortalEs> = {
  portal: {
    accessEnded:
      "This portal access is no longer valid. If you need it, ask whoever sent it to you for a new invitation.",
  },
};
