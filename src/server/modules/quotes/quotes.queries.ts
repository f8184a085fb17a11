import { and, asc, desc, eq, ilike, inArray, lt, ne, notInArray, or, type SQL, sql } from "drizzle-orm";
import type {
  QuoteAcceptanceEvidence,
  QuoteDetail,
  QuoteStatus,
  QuoteSummary,
  QuoteVersion,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { customers, quoteAcceptances, quoteLines, quotes } from "../../db/schema/index.js";
import { displayNumberOf } from "../documents/display-number.js";
import { documentCustomerName, pricedLineOf } from "../documents/document-detail.js";
import { findDocumentLines, findDocumentRow, lockDocumentRow } from "../documents/document-rows.js";
import { type QuoteForHash, quoteHash } from "./quote-canonical.js";

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteLineRow = typeof quoteLines.$inferSelect;
export type QuoteAcceptanceRow = typeof quoteAcceptances.$inferSelect;

// Defined with the other documents' shared facts; quotes' own files keep reading it here.
export { displayNumberOf };

/** Expiry is read, never stored: an open quote past its expiry date (organisation's calendar). */
export function statusOf(q: Pick<QuoteRow, "status" | "expiryDate">, today: string): QuoteStatus {
  if ((q.status === "sent" || q.status === "viewed") && q.expiryDate !== null && q.expiryDate < today)
    return "expired";
  return q.status;
}

export function toSummary(q: QuoteRow, customerName: string, today: string): QuoteSummary {
  return {
    id: q.id,
    rootId: q.rootId,
    number: q.number,
    revision: q.revision,
    displayNumber: displayNumberOf(q),
    status: statusOf(q, today),
    customerId: q.customerId,
    customerName,
    issueDate: q.issueDate,
    expiryDate: q.expiryDate,
    currency: q.currency,
    totalMinor: q.totalMinor,
    requireSignature: q.requireSignature,
  };
}

export const findQuote = (tx: Tx, quoteId: string): Promise<QuoteRow> => findDocumentRow(tx, quotes, quoteId);

/** Sending, revising, answering and converting one quote happen one at a time. */
export const lockQuote = (tx: Tx, quoteId: string): Promise<QuoteRow> => lockDocumentRow(tx, quotes, quoteId);

export const findLines = (tx: Tx, quoteId: string): Promise<QuoteLineRow[]> =>
  findDocumentLines(tx, quoteLines, quoteLines.quoteId, quoteId);

export async function findAcceptance(tx: Tx, quoteId: string): Promise<QuoteAcceptanceRow | null> {
  const [row] = await tx.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quoteId));
  return row ?? null;
}

/** The hash of the quote as stored now (G2); equal to the accepted one unless something changed it. */
export async function currentHash(tx: Tx, q: QuoteRow, lines?: QuoteLineRow[]): Promise<string> {
  const input: QuoteForHash = {
    ...q,
    displayNumber: displayNumberOf(q),
    lines: lines ?? (await findLines(tx, q.id)),
  };
  return quoteHash(input);
}

/** Every revision of the quote, oldest first; contacts never see drafts. */
export async function findVersions(
  tx: Tx,
  q: QuoteRow,
  today: string,
  opts: { withDrafts: boolean },
): Promise<QuoteVersion[]> {
  const rows = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.rootId, q.rootId), opts.withDrafts ? undefined : ne(quotes.status, "draft")))
    .orderBy(asc(quotes.revision));
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    displayNumber: displayNumberOf(r),
    status: statusOf(r, today),
    totalMinor: r.totalMinor,
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toEvidence(a: QuoteAcceptanceRow): QuoteAcceptanceEvidence {
  return {
    signerName: a.signerName,
    signerEmail: a.signerEmail,
    acceptedAt: a.acceptedAt.toISOString(),
    ip: a.ip,
    userAgent: a.userAgent,
    hasSignature: a.signaturePng !== null || a.signatureKind === "typed",
    signatureKind: a.signatureKind === "typed" ? "typed" : a.signaturePng !== null ? "drawn" : null,
    signatureText: a.signatureKind === "typed" ? a.signatureText : null,
    documentHash: a.documentHash,
  };
}

export async function findDetail(
  tx: Tx,
  q: QuoteRow,
  today: string,
  opts: { withDrafts: boolean; lines?: QuoteLineRow[] } = { withDrafts: true },
): Promise<QuoteDetail> {
  const lines = opts.lines ?? (await findLines(tx, q.id));
  const customerName = await documentCustomerName(tx, q);
  const versions = await findVersions(tx, q, today, opts);
  const sent = versions.filter((v) => v.status !== "draft");
  const acceptance = await findAcceptance(tx, q.id);
  return {
    ...toSummary(q, customerName, today),
    notes: q.notes,
    terms: q.terms,
    subtotalMinor: q.subtotalMinor,
    discountMinor: q.discountMinor,
    netMinor: q.netMinor,
    taxMinor: q.taxMinor,
    taxBreakdown: q.taxBreakdown,
    lines: lines.map(pricedLineOf),
    sentAt: iso(q.sentAt),
    viewedAt: iso(q.viewedAt),
    acceptedAt: iso(q.acceptedAt),
    declinedAt: iso(q.declinedAt),
    declineReason: q.declineReason,
    invoiceId: q.invoiceId,
    versions,
    latestId: sent[sent.length - 1]?.id ?? q.id,
    acceptance: acceptance ? toEvidence(acceptance) : null,
  };
}

/** A status as read (expired included) as a condition on the stored columns. */
export function statusCondition(status: QuoteStatus, today: string): SQL | undefined {
  const open = inArray(quotes.status, ["sent", "viewed"]);
  const expired = and(sql`${quotes.expiryDate} is not null`, lt(quotes.expiryDate, today));
  if (status === "expired") return and(open, expired);
  if (status === "sent" || status === "viewed")
    return and(eq(quotes.status, status), sql`not coalesce(${expired}, false)`);
  return eq(quotes.status, status);
}

export async function findSummaries(
  tx: Tx,
  filter: {
    statuses?: QuoteStatus[];
    customerId?: string;
    q?: string;
    /** Staff search number and customer; contacts number and what the quote says. */
    searchText?: "customer" | "content";
    /** Drafts and superseded revisions: staff see them when asked; contacts never. */
    hide?: ("draft" | "superseded")[];
  },
  today: string,
): Promise<QuoteSummary[]> {
  const term = likeTerm(filter.q);
  const textMatch = term
    ? filter.searchText === "content"
      ? or(
          ilike(quotes.number, term),
          ilike(quotes.notes, term),
          ilike(quotes.terms, term),
          sql`exists (select 1 from ${quoteLines} l where l.quote_id = ${quotes.id} and l.description ilike ${term})`,
        )
      : or(ilike(quotes.number, term), ilike(customers.name, term))
    : undefined;
  const rows = await tx
    .select({ q: quotes, customerName: customers.name })
    .from(quotes)
    .innerJoin(customers, eq(customers.id, quotes.customerId))
    .where(
      and(
        filter.statuses?.length ? or(...filter.statuses.map((s) => statusCondition(s, today))) : undefined,
        filter.customerId ? eq(quotes.customerId, filter.customerId) : undefined,
        filter.hide?.length ? notInArray(quotes.status, filter.hide) : undefined,
        textMatch,
      ),
    )
    .orderBy(desc(quotes.issueDate), desc(quotes.createdAt))
    .limit(1000);
  return rows.map((r) => toSummary(r.q, r.customerName, today));
}
