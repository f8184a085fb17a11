import { eq } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Db } from "../../db/client.js";
import { contactSessions } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { hashToken } from "../../http/tokens.js";
import { startContactSession } from "../contact-sessions/contact-sessions.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { loadCustomerContact } from "./portal-access.service.js";

/** A preview is a quick look, not a working session: it ends after an hour whatever its use. */
export const PREVIEW_MINUTES = 60;

/**
 * C6: a contact session marked "preview" (read-only in requireContact, nothing recorded as viewed, no
 * audit event) naming the staff member who opened it. The portal and the contact must be usable, or
 * the preview would only show an error page.
 */
export async function startPreview(
  db: Db,
  staff: { orgId: string; userId: string },
  customerId: string,
  contactId: string,
  client: { ip: string; userAgent?: string },
): Promise<{ token: string; url: string }> {
  const { slug } = await withOrg(db, staff.orgId, async (tx) => {
    const { contact } = await loadCustomerContact(tx, customerId, contactId);
    if (!contact.portalEnabled) throw new AppError("PORTAL_ACCESS_DISABLED");
    const org = await loadOrganisation(tx, staff.orgId);
    if (!org.portalEnabled) throw new AppError("PORTAL_DISABLED");
    return { slug: org.portalSlug };
  });
  const token = await startContactSession(db, {
    orgId: staff.orgId,
    customerId,
    contactId,
    origin: "preview",
    previewUserId: staff.userId,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await withOrg(db, staff.orgId, (tx) =>
    tx
      .update(contactSessions)
      .set({ expiresAt: new Date(clock.nowMs() + PREVIEW_MINUTES * 60_000) })
      .where(eq(contactSessions.tokenHash, hashToken(token))),
  );
  return { token, url: `/p/${slug}/` };
}
