import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, stampedNow, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";
import * as doc from "./_document-columns.js";
import { bytea } from "./organisations.js";

/**
 * Stored states of a quote. "expired" is never stored: a sent or viewed quote whose expiry date has
 * passed in the organisation's time zone reads as expired (like an invoice's overdue).
 */
export const quoteStatuses = [
  "draft",
  "sent",
  "viewed",
  "accepted",
  "declined",
  "superseded",
  "invoiced",
] as const;

export type QuoteLineTax = doc.LineTax;

/**
 * One row per revision. Revisions of a quote share `rootId` (the id of revision 1) and, once sent, the
 * number; a sent revision supersedes the one it revises (docs/decisions/008-quotes-revisions-and-evidence.md).
 */
export const quotes = pgTable(
  "quotes",
  {
    ...doc.customerRow(),
    seriesId: uuid("series_id").notNull(),
    rootId: uuid("root_id").notNull(),
    revision: integer("revision").notNull().default(1),
    /** The revision this one revises; null for revision 1. */
    previousId: uuid("previous_id"),
    ...doc.documentNumber(),
    status: text("status", { enum: quoteStatuses }).notNull().default("draft"),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    expiryDate: date("expiry_date", { mode: "string" }),
    currency: text("currency").notNull(),
    ...doc.documentText(),
    requireSignature: boolean("require_signature").notNull().default(false),
    ...doc.documentTotals(),
    taxBreakdown: doc.taxBreakdown(),
    /** Frozen at send: the customer as the quote showed it, whatever later edits. */
    customerSnapshot: doc.customerSnapshot(),
    sentAt: ts("sent_at"),
    viewedAt: ts("viewed_at"),
    acceptedAt: ts("accepted_at"),
    declinedAt: ts("declined_at"),
    declineReason: text("decline_reason"),
    declinedByContactId: uuid("declined_by_contact_id"),
    supersededAt: ts("superseded_at"),
    invoiceId: uuid("invoice_id"),
    invoicedAt: ts("invoiced_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("quotes", t),
    index("quotes_customer_idx").on(t.orgId, t.customerId),
    index("quotes_root_idx").on(t.orgId, t.rootId, t.revision),
    // The search box (issue 19, decision 059).
    index("quotes_number_prefix_idx").on(t.orgId, t.number.op("text_pattern_ops")),
    index("quotes_sequence_idx").on(t.orgId, t.sequence),
    // Issue 19 (decision 058): the back-office list's keyset orders, each (org_id, key, id).
    index("quotes_list_date_idx").on(t.orgId, t.issueDate, t.id),
    index("quotes_list_number_idx").on(t.orgId, sql`coalesce(${t.number}, '')`, t.id),
    index("quotes_list_customer_idx").on(t.orgId, sql`coalesce(${t.customerSnapshot} ->> 'name', '')`, t.id),
    index("quotes_list_amount_idx").on(t.orgId, t.totalMinor, t.id),
    index("quotes_list_status_idx").on(t.orgId, t.status, t.id),
    uniqueIndex("quotes_number_key").on(t.orgId, t.seriesId, t.year, t.sequence, t.revision),
    // At most one draft per quote: a revision in progress is edited, not duplicated.
    uniqueIndex("quotes_one_draft_key").on(t.orgId, t.rootId).where(sql`${t.status} = 'draft'`),
  ],
);

export const quoteLines = pgTable(
  "quote_lines",
  {
    ...doc.customerRow(),
    quoteId: uuid("quote_id").notNull(),
    ...doc.lineText(),
    ...doc.lineAmounts(),
  },
  (t) => [tenantPrimaryKey("quote_lines", t), index("quote_lines_quote_idx").on(t.quoteId, t.position)],
);

/**
 * G2: what proves a contact accepted a quote as it was shown: who (name typed, the contact's email),
 * when, from where, the drawn signature and the SHA-256 of the canonical quote. Written once.
 */
export const quoteAcceptances = pgTable(
  "quote_acceptances",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    quoteId: uuid("quote_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    signerName: text("signer_name").notNull(),
    signerEmail: text("signer_email").notNull(),
    acceptedAt: stampedNow("accepted_at"),
    ip: text("ip").notNull(),
    userAgent: text("user_agent"),
    signaturePng: bytea("signature_png"),
    /** Issue 10: how the contact signed, "drawn" (signaturePng, when any) or "typed" (signatureText). */
    signatureKind: text("signature_kind").$type<"drawn" | "typed">().notNull().default("drawn"),
    signatureText: text("signature_text"),
    /** Hex SHA-256 of the canonical serialisation (quotes/quote-canonical.ts, version below). */
    documentHash: text("document_hash").notNull(),
    hashVersion: integer("hash_version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("quote_acceptances", t),
    uniqueIndex("quote_acceptances_quote_key").on(t.orgId, t.quoteId),
  ],
);
