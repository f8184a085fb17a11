import { DEFAULT_PORTAL_OPTIONS, type PortalOptions } from "../../../shared/contracts/index.js";
import type { OrganisationRow } from "../organisation/organisation.service.js";

/**
 * The organisation's C4 options with the defaults for keys it never set. When
 * modules/portal/portal-policy.ts lands, this reads through it instead.
 */
export const portalOptionsOf = (org: Pick<OrganisationRow, "portalOptions">): PortalOptions => ({
  ...DEFAULT_PORTAL_OPTIONS,
  ...org.portalOptions,
});

/** Whether contacts may answer (accept or decline) quotes in this organisation's portal (E4). */
export const canAnswerQuotes = (org: Pick<OrganisationRow, "portalOptions">) =>
  portalOptionsOf(org).allowQuoteAcceptance;
