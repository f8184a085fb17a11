import type { Messages } from "../types.js";

/** Texts of one feature, merged into the catalogues under `portalAuth`. */
export const portalAuthEs = {};

export const portalAuthEn: Messages<typeof portalAuthEs> = {};
