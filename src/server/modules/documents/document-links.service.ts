import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";
import * as clock from "../../clock.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db/client.js";
import {
  customers,
  documentLinks,
  invoices,
  organisations,
  quotes,
  salesOrders,
} from "../../db/schema/index.js";
import { withContact, withSystem } from "../../db/scope.js";
import { hashToken, newToken } from "../../http/tokens.js";
import { contactHasAccessInTx } from "../contact-sessions/contact-sessions.service.js";

export const LINK_TTL_DAYS = 30;

export type LinkedDocumentType = (typeof documentLinks.documentType.enumValues)[number];

/** Where a document opens in the portal app. */
const PORTAL_FOLDERS: Record<LinkedDocumentType, string> = {
  invoice: "invoices",
  quote: "quotes",
  sales_order: "sales-orders",
};
export const portalDocumentPath = (slug: string, type: LinkedDocumentType, id: string) =>
  `/p/${slug}/${PORTAL_FOLDERS[type]}/${id}`;

/** A personal link for one contact to one document; the URL is built from PUBLIC_URL, never the Host. */
export async function createDocumentLink(
  tx: Tx,
  config: Config,
  l: {
    orgId: string;
    customerId: string;
    contactId: string;
    documentType: LinkedDocumentType;
    documentId: string;
    slug: string;
  },
): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(documentLinks).values({
    orgId: l.orgId,
    customerId: l.customerId,
    contactId: l.contactId,
    documentType: l.documentType,
    documentId: l.documentId,
    tokenHash: hash,
    expiresAt: new Date(clock.nowMs() + LINK_TTL_DAYS * 86400_000),
  });
  return `${config.publicUrl}/p/${l.slug}/l/${token}`;
}

export interface RedeemedLink {
  orgId: string;
  customerId: string;
  contactId: string;
  documentType: LinkedDocumentType;
  documentId: string;
}

/**
 * A link works while it is unexpired and unrevoked, its portal is on and has this slug, its contact and
 * customer still have access, and its document is live (an invoice not void, a quote sent, a sales
 * order confirmed and not void). Anything else answers the same "invalid".
 */
export async function redeemDocumentLink(db: Db, slug: string, token: string): Promise<RedeemedLink | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return withSystem(db, async (tx) => {
    const [link] = await tx
      .select()
      .from(documentLinks)
      .where(
        and(
          eq(documentLinks.tokenHash, hashToken(token)),
          isNull(documentLinks.revokedAt),
          gt(documentLinks.expiresAt, clock.now()),
        ),
      );
    if (!link) return null;
    const [row] = await tx
      .select({ slug: organisations.portalSlug, enabled: organisations.portalEnabled })
      .from(organisations)
      .where(eq(organisations.id, link.orgId));
    if (!row || row.slug !== slug || !row.enabled) return null;
    await tx.update(documentLinks).set({ lastUsedAt: clock.now() }).where(eq(documentLinks.id, link.id));
    return {
      orgId: link.orgId,
      customerId: link.customerId,
      contactId: link.contactId,
      documentType: link.documentType,
      documentId: link.documentId,
    };
  });
}

/**
 * F4 CP1003: an unexpired link of this portal whose customer was archived (its revocation came with the
 * archiving), so the contact learns that this portal access ended rather than that the link is wrong.
 */
export async function linkOfArchivedCustomer(db: Db, slug: string, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const [link] = await withSystem(db, (tx) =>
    tx
      .select({ orgId: documentLinks.orgId, customerId: documentLinks.customerId })
      .from(documentLinks)
      .innerJoin(organisations, eq(organisations.id, documentLinks.orgId))
      .where(
        and(
          eq(documentLinks.tokenHash, hashToken(token)),
          gt(documentLinks.expiresAt, clock.now()),
          eq(organisations.portalSlug, slug),
          eq(organisations.portalEnabled, true),
        ),
      ),
  );
  if (!link) return false;
  // The system scope reads no customer: the link's own customer is read in its contact scope.
  const [customer] = await withContact(db, link.orgId, link.customerId, (tx) =>
    tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, link.customerId), isNotNull(customers.deletedAt))),
  );
  return customer !== undefined;
}

/** Checks, inside the contact's own scope, that the contact may still use the link's document. */
export async function linkTargetIsLive(tx: Tx, link: RedeemedLink): Promise<boolean> {
  if (!(await contactHasAccessInTx(tx, link.contactId))) return false;
  if (link.documentType === "quote") {
    // A superseded revision still opens: the portal points its reader to the newest one.
    const [q] = await tx.select({ status: quotes.status }).from(quotes).where(eq(quotes.id, link.documentId));
    return q !== undefined && q.status !== "draft";
  }
  if (link.documentType === "sales_order") {
    const [o] = await tx
      .select({ status: salesOrders.status })
      .from(salesOrders)
      .where(eq(salesOrders.id, link.documentId));
    return o !== undefined && o.status !== "draft" && o.status !== "void";
  }
  const [inv] = await tx
    .select({ status: invoices.status })
    .from(invoices)
    .where(eq(invoices.id, link.documentId));
  return inv !== undefined && inv.status !== "void" && inv.status !== "draft";
}
