import { eq } from "drizzle-orm";
import { preferredLanguage } from "../../../shared/language.js";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Tx } from "../../db/client.js";
import { contacts, type customers } from "../../db/schema/index.js";
import { renderOrgEmail } from "../../email/editable/render.js";
import type { Mailer } from "../../email/mailer.js";
import { AppError } from "../../errors/errors.js";
import type { OrganisationRow } from "../organisation/organisation.service.js";
import { issuePortalToken } from "./portal-tokens.service.js";

type ContactRow = typeof contacts.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;

export interface MailDeps {
  config: Config;
  mailer: Mailer;
}

/** The contact's language, else the customer's, else the organisation's (as invoice emails do). */
export const emailLanguageOf = (contact: ContactRow, customer: CustomerRow, org: OrganisationRow) =>
  preferredLanguage(contact.language, customer.language, org.language);

/**
 * Invites one contact (D1/D3) inside the caller's staff transaction: marks it invited, issues a fresh
 * invitation token (which revokes the earlier ones, so only the newest email works) and queues the email.
 * Every URL comes from PUBLIC_URL: a request's Host header never reaches an email.
 */
export async function inviteContact(
  tx: Tx,
  deps: MailDeps,
  org: OrganisationRow,
  customer: CustomerRow,
  contact: ContactRow,
): Promise<void> {
  if (!contact.email) throw new AppError("CONTACT_HAS_NO_EMAIL");
  const now = clock.now();
  await tx
    .update(contacts)
    .set({ invitedAt: now, portalEnabled: true, updatedAt: now })
    .where(eq(contacts.id, contact.id));
  const token = await issuePortalToken(
    tx,
    { orgId: org.id, customerId: customer.id, contactId: contact.id },
    "invitation",
  );
  const portalUrl = `${deps.config.publicUrl}/p/${org.portalSlug}/`;
  const email = await renderOrgEmail(
    tx,
    org.id,
    "invitation",
    emailLanguageOf(contact, customer, org),
    {
      org_name: org.name,
      contact_name: contact.name,
      portal_url: portalUrl,
      user_name: contact.email,
    },
    { buttonUrl: `${portalUrl}invitation/${token}`, brandColor: org.brandColor },
  );
  await deps.mailer.enqueue(tx, {
    orgId: org.id,
    kind: "invitation",
    to: contact.email,
    toName: contact.name,
    fromName: org.name,
    replyTo: org.email,
    ...email,
  });
}
