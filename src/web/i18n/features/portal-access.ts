import type { Messages } from "../types.js";

/** Texts of one feature, merged into the catalogues under `portalAccess`. */
export const portalAccessEs = {};

export const portalAccessEn: Messages<typeof portalAccessEs> = {};
