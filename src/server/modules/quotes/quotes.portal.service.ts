import { and, eq, isNull } from "drizzle-orm";
import type {
  AcceptQuoteBody,
  PortalQuoteDetail,
  PortalQuoteFilter,
  PortalQuoteSummary,
  QuoteStatus,
} from "../../../shared/contracts/index.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, quoteAcceptances, quotes } from "../../db/schema/index.js";
import { withContact } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { publishStatus } from "../../realtime/realtime.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomer } from "../customers/customers.service.js";
import { quoteViewedTransition } from "../documents/document-facts.js";
import { type PdfLanguageChoice, pdfLanguage } from "../documents/pdf-language.js";
import { orgToday } from "../invoices/invoices.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { portalOptionsOf } from "../organisation/portal-policy.js";
import { assertCan, can } from "../portal/document-policy.js";
import { QUOTE_HASH_VERSION } from "./quote-canonical.js";
import { buildQuotePdf, quotePdfFilename } from "./quote-pdf.js";
import { parseSignature } from "./quote-signature.js";
import {
  currentHash,
  displayNumberOf,
  findDetail,
  findLines,
  findQuote,
  findSummaries,
  lockQuote,
  type QuoteRow,
  statusOf,
} from "./quotes.queries.js";

const FILTERS: Record<PortalQuoteFilter, QuoteStatus[]> = {
  open: ["sent", "viewed"],
  accepted: ["accepted"],
  declined: ["declined"],
  expired: ["expired"],
  invoiced: ["invoiced"],
};

/** The contact's quotes: the current revision of each (never drafts, never superseded ones). */
export function listPortalQuotes(
  db: Db,
  p: ContactPrincipal,
  filter: { status?: PortalQuoteFilter; q?: string },
): Promise<PortalQuoteSummary[]> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const rows = await findSummaries(
      tx,
      {
        statuses: filter.status ? FILTERS[filter.status] : undefined,
        q: filter.q,
        searchText: "content",
        hide: ["draft", "superseded"],
      },
      await orgToday(tx, p.orgId),
    );
    return rows.map(({ customerId: _c, customerName: _n, ...rest }) => rest);
  });
}

async function portalDetail(tx: Tx, p: ContactPrincipal, q: QuoteRow): Promise<PortalQuoteDetail> {
  const org = await loadOrganisation(tx, p.orgId);
  const today = await orgToday(tx, p.orgId);
  // Read once for the detail and its hash.
  const lines = await findLines(tx, q.id);
  const detail = await findDetail(tx, q, today, { withDrafts: false, lines });
  const { customerId: _c, customerName: _n, acceptance, invoiceId: _i, ...rest } = detail;
  const status = statusOf(q, today);
  return {
    ...rest,
    documentHash: await currentHash(tx, q, lines),
    canAnswer: can(p, "answer", { type: "quote", status, options: portalOptionsOf(org) }),
    acceptance: acceptance
      ? {
          signerName: acceptance.signerName,
          acceptedAt: acceptance.acceptedAt,
          hasSignature: acceptance.hasSignature,
          signatureKind: acceptance.signatureKind,
          signatureText: acceptance.signatureText,
        }
      : null,
  };
}

/**
 * A contact opening a quote: the first open of a sent quote marks it viewed and tells staff (A6, A13);
 * a staff preview (C6) records nothing. Drafts do not exist for the portal.
 */
export async function getPortalQuote(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  quoteId: string,
  origin: AuditOrigin,
): Promise<PortalQuoteDetail> {
  let notified = false;
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    let q = await findQuote(tx, quoteId);
    if (q.status === "draft") throw new AppError("NOT_FOUND");
    const viewed = p.preview ? null : quoteViewedTransition(q);
    if (viewed) {
      const [updated] = await tx
        .update(quotes)
        .set({ viewedAt: clock.now(), ...viewed })
        .where(and(eq(quotes.id, q.id), isNull(quotes.viewedAt), eq(quotes.status, "sent")))
        .returning();
      if (updated) {
        q = updated;
        const customer = await loadCustomer(tx, p.customerId);
        notified = true;
        await notify(tx, mail, p.orgId, "quote_viewed", {
          quoteId: q.id,
          number: displayNumberOf(q),
          customerName: customer.name,
        });
        await recordPortalEvent(tx, event(p, "document_viewed", q.id), origin);
        await publishStatus(tx, liveStatus(p, q.id, "viewed"));
      }
    }
    return portalDetail(tx, p, q);
  });
  // Staff emails queued by notify (C5) go out after the commit; an ordinary read queued none.
  if (notified) void mail.mailer.deliverQueued();
  return result;
}

export function portalQuotePdf(db: Db, p: ContactPrincipal, quoteId: string, lang: PdfLanguageChoice) {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const q = await findQuote(tx, quoteId);
    if (q.status === "draft") throw new AppError("NOT_FOUND");
    const detail = await findDetail(tx, q, await orgToday(tx, p.orgId), { withDrafts: false });
    return {
      pdf: await buildQuotePdf(tx, p.orgId, detail, await pdfLanguage(tx, p, lang)),
      filename: quotePdfFilename(detail),
    };
  });
}

const event = (
  p: ContactPrincipal,
  action: "document_viewed" | "quote_accepted" | "quote_declined",
  id: string,
) => ({
  orgId: p.orgId,
  customerId: p.customerId,
  contactId: p.contactId,
  action,
  documentType: "quote" as const,
  documentId: id,
});

const liveStatus = (p: ContactPrincipal, documentId: string, status: string) => ({
  orgId: p.orgId,
  customerId: p.customerId,
  documentType: "quote" as const,
  documentId,
  status,
});

/**
 * What follows an answer, accepted or declined: staff notified (C5), the audit event (G3), the live
 * status (G4), and the quote as the contact now reads it.
 */
async function announceAnswer(
  tx: Tx,
  mail: StaffMail,
  p: ContactPrincipal,
  origin: AuditOrigin,
  q: QuoteRow,
  answer: {
    status: "accepted" | "declined";
    action: "quote_accepted" | "quote_declined";
    data: Record<string, string>;
  },
): Promise<PortalQuoteDetail> {
  const customer = await loadCustomer(tx, p.customerId);
  await notify(tx, mail, p.orgId, answer.action, {
    quoteId: q.id,
    number: displayNumberOf(q),
    customerName: customer.name,
    ...answer.data,
  });
  await recordPortalEvent(tx, event(p, answer.action, q.id), origin);
  await publishStatus(tx, liveStatus(p, q.id, answer.status));
  return portalDetail(tx, p, q);
}

/** The refusals shared by accepting and declining, in the order a contact can act on them. */
async function lockAnswerable(tx: Tx, p: ContactPrincipal, quoteId: string): Promise<QuoteRow> {
  const org = await loadOrganisation(tx, p.orgId);
  const q = await lockQuote(tx, quoteId);
  const status = statusOf(q, await orgToday(tx, p.orgId));
  assertCan(p, "answer", { type: "quote", status, options: portalOptionsOf(org) });
  return q;
}

/**
 * E4/G2: accepts the quote exactly as the contact was shown it (the page's hash must match the stored
 * quote's), storing the evidence: signer, the contact's email, time, IP, user agent, signature, hash.
 */
export async function acceptPortalQuote(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  quoteId: string,
  body: AcceptQuoteBody,
  origin: AuditOrigin,
): Promise<PortalQuoteDetail> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    const q = await lockAnswerable(tx, p, quoteId);
    const hash = await currentHash(tx, q);
    if (body.documentHash !== hash) throw new AppError("QUOTE_CHANGED");
    // Drawn (a PNG) or typed (issue 10, for keyboard and screen-reader users): either satisfies a requirement.
    const typed = body.signatureType === "typed" ? (body.signatureText ?? null) : null;
    const signature = !typed && body.signatureImage ? parseSignature(body.signatureImage) : null;
    if (q.requireSignature && !signature && !typed) throw new AppError("SIGNATURE_REQUIRED");
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, p.contactId));
    if (!contact) throw new AppError("CP1003");
    const now = clock.now();
    await tx.insert(quoteAcceptances).values({
      orgId: p.orgId,
      customerId: p.customerId,
      quoteId: q.id,
      contactId: contact.id,
      signerName: body.signerName,
      signerEmail: contact.email ?? "",
      acceptedAt: now,
      ip: origin.ip,
      userAgent: origin.userAgent,
      signaturePng: signature,
      signatureKind: typed ? "typed" : "drawn",
      signatureText: typed,
      documentHash: hash,
      hashVersion: QUOTE_HASH_VERSION,
    });
    const [updated] = await tx
      .update(quotes)
      .set({ status: "accepted", acceptedAt: now, viewedAt: q.viewedAt ?? now, updatedAt: now })
      .where(eq(quotes.id, q.id))
      .returning();
    const answer = {
      status: "accepted",
      action: "quote_accepted",
      data: { signerName: body.signerName },
    } as const;
    return announceAnswer(tx, mail, p, origin, updated as QuoteRow, answer);
  });
  // Staff emails queued by notify (C5) go out after the commit.
  void mail.mailer.deliverQueued();
  return result;
}

export async function declinePortalQuote(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  quoteId: string,
  reason: string,
  origin: AuditOrigin,
): Promise<PortalQuoteDetail> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    const q = await lockAnswerable(tx, p, quoteId);
    const now = clock.now();
    const [updated] = await tx
      .update(quotes)
      .set({
        status: "declined",
        declinedAt: now,
        declineReason: reason,
        declinedByContactId: p.contactId,
        viewedAt: q.viewedAt ?? now,
        updatedAt: now,
      })
      .where(eq(quotes.id, q.id))
      .returning();
    const answer = { status: "declined", action: "quote_declined", data: { reason } } as const;
    return announceAnswer(tx, mail, p, origin, updated as QuoteRow, answer);
  });
  // Staff emails queued by notify (C5) go out after the commit.
  void mail.mailer.deliverQueued();
  return result;
}
