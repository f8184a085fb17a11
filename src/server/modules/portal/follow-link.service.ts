import type { Db } from "../../db/client.js";
import { withContact } from "../../db/scope.js";
import { startContactSession } from "../contact-sessions/contact-sessions.service.js";
import {
  linkOfArchivedCustomer,
  linkTargetIsLive,
  portalDocumentPath,
  redeemDocumentLink,
} from "../documents/document-links.service.js";

export type FollowedLink =
  | { ok: true; orgId: string; sessionToken: string; path: string }
  | { ok: false; code: "CP1003" | "LINK_INVALID" };

/**
 * The emailed link (D6): a live link signs its contact in to this portal and names the document's page.
 * A dead one says whether the customer was archived (CP1003) or the link is simply invalid.
 */
export async function followDocumentLink(
  db: Db,
  slug: string,
  token: string,
  client: { ip: string; userAgent?: string },
): Promise<FollowedLink> {
  const link = await redeemDocumentLink(db, slug, token);
  const live = link
    ? await withContact(db, link.orgId, link.customerId, (tx) => linkTargetIsLive(tx, link))
    : false;
  if (!link || !live)
    return { ok: false, code: (await linkOfArchivedCustomer(db, slug, token)) ? "CP1003" : "LINK_INVALID" };
  const sessionToken = await startContactSession(db, { ...link, origin: "link", ...client });
  return {
    ok: true,
    orgId: link.orgId,
    sessionToken,
    path: portalDocumentPath(slug, link.documentType, link.documentId),
  };
}
