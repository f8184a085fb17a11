import type { Messages } from "../types.js";

/** Texts of one feature, merged into the catalogues under `portalSettings`. */
export const portalSettingsEs = {};

export const portalSettingsEn: Messages<typeof portalSettingsEs> = {};
