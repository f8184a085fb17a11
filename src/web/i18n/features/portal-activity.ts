import type { Messages } from "../types.js";

/** Texts of one feature, merged into the catalogues under `portalActivity`. */
export const portalActivityEs = {};

export const portalActivityEn: Messages<typeof portalActivityEs> = {};
