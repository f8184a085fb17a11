import type { OrganisationRow } from "../organisation/organisation.service.js";
import { can, portalOptionsOf } from "../portal/portal-policy.js";

/** Whether contacts may answer (accept or decline) quotes in this organisation's portal (C4, E4). */
export const canAnswerQuotes = (org: Pick<OrganisationRow, "portalOptions">) =>
  can(portalOptionsOf(org), "allowQuoteAcceptance");
