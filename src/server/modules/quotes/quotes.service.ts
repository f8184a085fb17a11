import { randomUUID } from "node:crypto";
import { and, eq, isNull, max } from "drizzle-orm";
import type { z } from "zod";
import type {
  IssueDateBody,
  ListTotals,
  QuoteDetail,
  QuoteListQuery,
  QuotePage,
  QuoteTotalsQuery,
  quoteDraftBody,
} from "../../../shared/contracts/index.js";
import { addDaysWithinRange, daysBetween } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { quoteLines, quotes, salesOrders } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError, invalid } from "../../errors/errors.js";
import { customerSnapshotOf, loadCustomer } from "../customers/customers.service.js";
import { priceLines, resolveLineTaxes } from "../documents/line-pricing.js";
import { chooseIssueDateInTx, defaultSeriesId, numberInSeries } from "../documents/numbering.js";
import { saveDraftRows } from "../documents/save-draft.js";
import { createDraftFromPricedLinesInTx, orgToday } from "../invoices/invoices.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { createSalesOrderFromPricedLinesInTx } from "../sales-orders/sales-orders.service.js";
import { findQuoteListPage, findQuoteListTotals } from "./quote-list.queries.js";
import {
  currentHash,
  findAcceptance,
  findDetail,
  findLines,
  findQuote,
  lockQuote,
  type QuoteRow,
} from "./quotes.queries.js";

type DraftInput = z.output<typeof quoteDraftBody>;

/** A quote without an explicit expiry date is valid this many days from its issue date. */
export const DEFAULT_VALIDITY_DAYS = 30;

/** The back-office quote list (issue 19): a keyset page of the filtered set in the query's order. */
export function listQuotes(db: Db, orgId: string, query: QuoteListQuery): Promise<QuotePage> {
  return withOrg(db, orgId, async (tx) => findQuoteListPage(tx, orgId, query, await orgToday(tx, orgId)));
}

/** The count and per-currency totals of the whole filtered quote list (issue 19). */
export function quoteListTotals(db: Db, orgId: string, query: QuoteTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, async (tx) => findQuoteListTotals(tx, orgId, query, await orgToday(tx, orgId)));
}

export function getQuote(db: Db, orgId: string, quoteId: string): Promise<QuoteDetail> {
  return withOrg(db, orgId, async (tx) =>
    findDetail(tx, await findQuote(tx, quoteId), await orgToday(tx, orgId)),
  );
}

/** Prices the input (tax snapshot per line, money rules) and writes the draft's row and lines. */
async function writeDraft(tx: Tx, orgId: string, input: DraftInput, existing: QuoteRow | null) {
  const org = await loadOrganisation(tx, orgId);
  const customer = await loadCustomer(tx, input.customerId);
  const { lines, totals } = priceLines(await resolveLineTaxes(tx, input.lines));
  const issueDate = input.issueDate ?? existing?.issueDate ?? clock.today(org.timeZone);
  const expiryDate =
    input.expiryDate === undefined ? addDaysWithinRange(issueDate, DEFAULT_VALIDITY_DAYS) : input.expiryDate;
  if (expiryDate !== null && expiryDate < issueDate)
    throw invalid("body.expiryDate", "the expiry date is before the issue date", "expiry_before_issue");
  const values = {
    customerId: customer.id,
    issueDate,
    expiryDate,
    currency: input.currency ?? customer.currency,
    notes: input.notes,
    terms: input.terms,
    requireSignature: input.requireSignature,
    ...totals,
    updatedAt: clock.now(),
  };
  return saveDraftRows(tx, QUOTE_TABLES, {
    orgId,
    customerId: customer.id,
    existingId: existing?.id ?? null,
    header: values,
    // A quote's first revision is its own root: its id is known before the insert.
    created: async () => {
      const id = randomUUID();
      return { id, rootId: id, seriesId: await defaultSeriesId(tx, "quote") };
    },
    lines,
  });
}

const QUOTE_TABLES = {
  table: quotes,
  lines: quoteLines,
  lineDocumentId: quoteLines.quoteId,
  lineDocumentKey: "quoteId",
};

export function createQuoteDraft(db: Db, orgId: string, input: DraftInput): Promise<QuoteDetail> {
  return withOrg(db, orgId, async (tx) => {
    const id = await writeDraft(tx, orgId, input, null);
    return findDetail(tx, await findQuote(tx, id), await orgToday(tx, orgId));
  });
}

export function updateQuoteDraft(
  db: Db,
  orgId: string,
  quoteId: string,
  input: DraftInput,
): Promise<QuoteDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockQuote(tx, quoteId);
    if (current.status !== "draft") throw new AppError("QUOTE_NOT_DRAFT");
    // A revision answers the same customer as the quote it revises.
    if (current.revision > 1 && input.customerId !== current.customerId)
      throw invalid("body.customerId", "a revision keeps the customer of its quote", "customer_fixed");
    await writeDraft(tx, orgId, input, current);
    return findDetail(tx, await findQuote(tx, quoteId), await orgToday(tx, orgId));
  });
}

/**
 * Makes a draft the quote the customer sees, in the caller's transaction. Revision 1 takes the next
 * number of the quote series for its year (gap-free, as invoices); a later revision keeps the number
 * and supersedes the revision it revises, which from then on is read-only history.
 */
export async function markSentInTx(
  tx: Tx,
  orgId: string,
  quoteId: string,
  dates?: IssueDateBody,
): Promise<QuoteRow> {
  const current = await lockQuote(tx, quoteId);
  const now = clock.now();
  if (current.status === "sent" || current.status === "viewed") {
    const [row] = await tx
      .update(quotes)
      .set({ sentAt: now, updatedAt: now })
      .where(eq(quotes.id, quoteId))
      .returning();
    return row as QuoteRow;
  }
  if (current.status !== "draft") throw new AppError("QUOTE_NOT_SENDABLE");
  if ((await findLines(tx, quoteId)).length === 0) throw new AppError("QUOTE_EMPTY");
  // Its own date, or the one asked for (never silently another); the validity keeps its length.
  const { customer, today, issueDate } = await chooseIssueDateInTx(tx, orgId, current, dates);
  const expiryDate =
    current.expiryDate === null
      ? null
      : addDaysWithinRange(issueDate, daysBetween(current.issueDate, current.expiryDate));
  if (expiryDate !== null && expiryDate < issueDate)
    throw invalid(
      "body.expiryDate",
      "the expiry date is before the issue date; change it before sending",
      "expiry_before_issue",
    );
  // A quote dated in the past is not sent already expired.
  if (expiryDate !== null && expiryDate < today)
    throw invalid("body.expiryDate", "the expiry date has passed; change it before sending", "expiry_passed");
  let numbering: { number: string; year: number; sequence: number };
  if (current.previousId) {
    const previous = await lockQuote(tx, current.previousId);
    if (!["sent", "viewed", "declined"].includes(previous.status)) throw new AppError("QUOTE_NOT_REVISABLE");
    await tx
      .update(quotes)
      .set({ status: "superseded", supersededAt: now, updatedAt: now })
      .where(eq(quotes.id, previous.id));
    numbering = {
      number: previous.number as string,
      year: previous.year as number,
      sequence: previous.sequence as number,
    };
  } else {
    // Correlative: not before the last numbered quote of the series and year (revisions keep their number).
    numbering = await numberInSeries(
      tx,
      orgId,
      quotes,
      current,
      { issueDate, today },
      isNull(quotes.previousId),
    );
  }
  const snapshot = customerSnapshotOf(customer);
  const [row] = await tx
    .update(quotes)
    .set({
      ...numbering,
      status: "sent",
      issueDate,
      expiryDate,
      sentAt: now,
      customerSnapshot: snapshot,
      updatedAt: now,
    })
    .where(and(eq(quotes.id, quoteId), eq(quotes.status, "draft")))
    .returning();
  if (!row) throw new AppError("CONFLICT");
  return row;
}

/**
 * A new draft revision of a sent, viewed or declined quote (expired ones included): same number,
 * revision + 1, the lines copied for staff to change. The old revision stays current until the new one
 * is sent.
 */
export function reviseQuote(db: Db, orgId: string, quoteId: string): Promise<QuoteDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockQuote(tx, quoteId);
    if (current.status === "draft") throw new AppError("QUOTE_NOT_SENT");
    if (!["sent", "viewed", "declined"].includes(current.status)) throw new AppError("QUOTE_NOT_REVISABLE");
    const [latest] = await tx
      .select({ revision: max(quotes.revision) })
      .from(quotes)
      .where(eq(quotes.rootId, current.rootId));
    if ((latest?.revision ?? current.revision) > current.revision)
      throw new AppError("QUOTE_REVISION_EXISTS");
    const today = await orgToday(tx, orgId);
    const validity =
      current.expiryDate === null
        ? null
        : current.expiryDate >= today
          ? current.expiryDate
          : addDaysWithinRange(today, DEFAULT_VALIDITY_DAYS);
    const id = randomUUID();
    try {
      await tx.insert(quotes).values({
        id,
        orgId,
        customerId: current.customerId,
        seriesId: current.seriesId,
        rootId: current.rootId,
        revision: current.revision + 1,
        previousId: current.id,
        number: current.number,
        year: current.year,
        sequence: current.sequence,
        issueDate: today,
        expiryDate: validity,
        currency: current.currency,
        notes: current.notes,
        terms: current.terms,
        requireSignature: current.requireSignature,
        subtotalMinor: current.subtotalMinor,
        discountMinor: current.discountMinor,
        netMinor: current.netMinor,
        taxMinor: current.taxMinor,
        totalMinor: current.totalMinor,
        taxBreakdown: current.taxBreakdown,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("QUOTE_REVISION_EXISTS");
      throw err;
    }
    const lines = await findLines(tx, current.id);
    if (lines.length > 0)
      await tx
        .insert(quoteLines)
        .values(lines.map(({ id: _id, quoteId: _q, ...l }) => ({ ...l, quoteId: id })));
    return findDetail(tx, await findQuote(tx, id), today);
  });
}

/**
 * Converts an accepted quote into a draft invoice in one transaction: the lines carry over with their
 * tax snapshot (the invoice totals are the accepted ones), the invoice records the quote and the quote
 * becomes "invoiced". Once only: a second attempt is refused.
 */
export function convertQuoteToInvoice(
  db: Db,
  orgId: string,
  quoteId: string,
): Promise<{ invoiceId: string; quote: QuoteDetail }> {
  return withOrg(db, orgId, async (tx) => {
    const { q, draft } = await lockAcceptedQuoteAsDraft(tx, quoteId);
    const invoiceId = await createDraftFromPricedLinesInTx(tx, orgId, draft);
    const now = clock.now();
    const [row] = await tx
      .update(quotes)
      .set({ status: "invoiced", invoiceId, invoicedAt: now, updatedAt: now })
      .where(eq(quotes.id, q.id))
      .returning();
    return { invoiceId, quote: await findDetail(tx, row as QuoteRow, await orgToday(tx, orgId)) };
  });
}

/**
 * What both conversions start from: the quote locked, refused unless accepted and not yet converted
 * (never both an order and an invoice), and its lines with their tax snapshot as a priced draft.
 */
async function lockAcceptedQuoteAsDraft(tx: Tx, quoteId: string) {
  const q = await lockQuote(tx, quoteId);
  if (q.status === "draft") throw new AppError("QUOTE_NOT_SENT");
  if (q.status === "invoiced") throw new AppError("QUOTE_ALREADY_INVOICED");
  if (q.status !== "accepted") throw new AppError("QUOTE_NOT_ACCEPTED");
  if (await salesOrderOf(tx, q.id)) throw new AppError("QUOTE_ALREADY_ORDERED");
  const lines = await findLines(tx, q.id);
  const draft = {
    customerId: q.customerId,
    currency: q.currency,
    notes: q.notes,
    terms: q.terms,
    quoteId: q.id,
    lines: lines.map((l) => ({
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      taxes: l.taxes.map((t) => ({ taxId: t.taxId, name: t.name, rateBp: t.rateBp })),
    })),
  };
  return { q, draft };
}

async function salesOrderOf(tx: Tx, quoteId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: salesOrders.id })
    .from(salesOrders)
    .where(eq(salesOrders.quoteId, quoteId));
  return row?.id ?? null;
}

/**
 * Converts an accepted quote into a draft sales order (A7) with the same lines and tax snapshot. The
 * quote stays "accepted" (it is not invoiced yet: the order is); once only, and never both an order and
 * an invoice.
 */
export function convertQuoteToSalesOrder(
  db: Db,
  orgId: string,
  quoteId: string,
): Promise<{ salesOrderId: string; quote: QuoteDetail }> {
  return withOrg(db, orgId, async (tx) => {
    const { q, draft } = await lockAcceptedQuoteAsDraft(tx, quoteId);
    const salesOrderId = await createSalesOrderFromPricedLinesInTx(tx, orgId, draft);
    return { salesOrderId, quote: await findDetail(tx, q, await orgToday(tx, orgId)) };
  });
}

/** G2: recomputes the hash of the stored quote and compares it with the one the contact accepted. */
export function verifyEvidence(
  db: Db,
  orgId: string,
  quoteId: string,
): Promise<{ intact: boolean; storedHash: string; currentHash: string }> {
  return withOrg(db, orgId, async (tx) => {
    const q = await findQuote(tx, quoteId);
    const acceptance = await findAcceptance(tx, q.id);
    if (!acceptance) throw new AppError("QUOTE_NOT_ACCEPTED");
    const now = await currentHash(tx, q);
    return { intact: now === acceptance.documentHash, storedHash: acceptance.documentHash, currentHash: now };
  });
}

/** The quote list's filtered set and orders, one definition for its page, totals and export (decision 062). */
export { quoteListWhere, quoteOrders } from "./quote-list.queries.js";
