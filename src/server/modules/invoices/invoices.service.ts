import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  InvoiceDetail,
  InvoiceKind,
  InvoiceListQuery,
  InvoicePage,
  InvoiceTotalsQuery,
  IssueDateBody,
  invoiceDraftBody,
  ListTotals,
} from "../../../shared/contracts/index.js";
import { addDaysWithinRange, daysBetween } from "../../../shared/dates.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { invoiceLines, invoices, organisations } from "../../db/schema/index.js";
import { withOrg } from "../../db/scope.js";
import { AppError, invalid } from "../../errors/errors.js";
import { customerSnapshotOf, loadCustomer } from "../customers/customers.service.js";
import { releaseBilledTimeInTx } from "../documents/billed-time.js";
import { refreshSalesOrderInTx } from "../documents/fulfilment.js";
import { type PricedLineInput, priceLines, resolveLineTaxes } from "../documents/line-pricing.js";
import { chooseIssueDateInTx, defaultSeriesId, numberInSeries } from "../documents/numbering.js";
import { saveDraftRows } from "../documents/save-draft.js";
import { voidDocumentInTx } from "../documents/void-document.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import {
  checkRectificationAtIssue,
  NO_RECTIFICATION,
  planRectification,
} from "../rectifying/rectification.js";
import { writeAltaInTx, writeAnulacionInTx } from "../verifactu/verifactu-records.js";
import { findInvoiceListPage, findInvoiceListTotals } from "./invoice-list.queries.js";
import {
  findDetail,
  findInvoice,
  findLines,
  findSummaries,
  type InvoiceRow,
  lockInvoice,
} from "./invoices.queries.js";

// Other modules read invoices through this service, never its queries (issue 11).
export {
  findDetail,
  findInvoice,
  type InvoiceRow,
  paymentProcessingSql,
  toSummary,
} from "./invoices.queries.js";

type DraftInput = z.output<typeof invoiceDraftBody>;

export async function orgToday(tx: Tx, orgId: string): Promise<string> {
  return clock.today((await loadOrganisation(tx, orgId)).timeZone);
}

/**
 * The back-office invoice list (issue 19): a keyset page of the filtered set in the query's order. `open`
 * (A10's payment form: a customer's invoices that still take payments) stays one bounded, unpaged read.
 */
export function listInvoices(db: Db, orgId: string, query: InvoiceListQuery): Promise<InvoicePage> {
  return withOrg(db, orgId, async (tx) => {
    const today = await orgToday(tx, orgId);
    if (query.open) return { items: await findSummaries(tx, query, today), page: { next: null, prev: null } };
    return findInvoiceListPage(tx, orgId, query, today);
  });
}

/** The count and per-currency sums of the whole filtered invoice list (issue 19). */
export function invoiceListTotals(db: Db, orgId: string, query: InvoiceTotalsQuery): Promise<ListTotals> {
  return withOrg(db, orgId, async (tx) => findInvoiceListTotals(tx, orgId, query, await orgToday(tx, orgId)));
}

export function getInvoice(db: Db, orgId: string, invoiceId: string): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) =>
    findDetail(tx, await findInvoice(tx, invoiceId), await orgToday(tx, orgId)),
  );
}

/** Computes and stores the lines and totals of a draft from the input; taxes are snapshotted per line. */
async function writeDraft(
  tx: Tx,
  orgId: string,
  input: DraftInput,
  existing: InvoiceRow | null,
): Promise<string> {
  return writePricedDraft(tx, orgId, input, () => resolveLineTaxes(tx, input.lines), existing);
}

type PricedDraft = Omit<DraftInput, "lines" | "kind" | "correctsInvoiceId"> & {
  kind?: InvoiceKind;
  correctsInvoiceId?: string | null;
  quoteId?: string;
  salesOrderId?: string;
  recurringProfileId?: string;
  recurringOccurrenceDate?: string;
};
/** A priced line; one billed from a sales order names the order line it bills. */
type DraftLine = PricedLineInput & { salesOrderLineId?: string | null };

async function writePricedDraft(
  tx: Tx,
  orgId: string,
  input: PricedDraft,
  // Resolved after the customer is loaded, so another tenant's customer answers 404 before any tax check.
  resolveLines: () => Promise<DraftLine[]>,
  existing: InvoiceRow | null,
): Promise<string> {
  const org = await loadOrganisation(tx, orgId);
  const customer = await loadCustomer(tx, input.customerId);
  const kind = existing?.kind ?? input.kind ?? "invoice";
  const currency = input.currency ?? customer.currency;
  // A credit note of a Spanish organisation is a rectifying invoice (decision 051).
  const rectification = await planRectification(tx, {
    org,
    kind,
    customerId: customer.id,
    currency,
    correctsInvoiceId: input.correctsInvoiceId,
    input: input.rectification,
  });
  const correctsInvoiceId = rectification
    ? rectification.correctsInvoiceId
    : await checkCorrectedInvoice(tx, kind, customer.id, input.correctsInvoiceId);
  const resolved: DraftLine[] = rectification
    ? rectification.linesOf(await resolveLines())
    : await resolveLines();
  const { lines, totals } = priceLines(resolved);
  rectification?.checkTotal(totals.totalMinor);
  // An edited draft billed from a sales order keeps each line's order line by position.
  const kept = existing?.salesOrderId
    ? (await findLines(tx, existing.id)).map((l) => l.salesOrderLineId)
    : [];
  const issueDate = input.issueDate ?? existing?.issueDate ?? clock.today(org.timeZone);
  const dueDate =
    input.dueDate === undefined ? addDaysWithinRange(issueDate, customer.paymentTermsDays) : input.dueDate;
  // The due date keeps its meaning: refused when before the issue date, never silently replaced.
  if (dueDate !== null && dueDate < issueDate)
    throw invalid("body.dueDate", "the due date is before the issue date", "due_before_issue");
  const values = {
    customerId: customer.id,
    issueDate,
    dueDate,
    currency,
    notes: input.notes,
    terms: input.terms,
    // A credit note is not paid; a retainer is an advance, often paid in parts.
    allowPartialPayments: kind === "credit_note" ? false : input.allowPartialPayments,
    correctsInvoiceId,
    ...(rectification?.columns ?? NO_RECTIFICATION),
    ...totals,
    updatedAt: clock.now(),
  };
  return saveDraftRows(tx, INVOICE_TABLES, {
    orgId,
    customerId: customer.id,
    existingId: existing?.id ?? null,
    header: values,
    created: async () => {
      const [org] = await tx
        .select({ enabledGateways: organisations.enabledGateways })
        .from(organisations)
        .where(eq(organisations.id, orgId));
      return {
        kind,
        // A new invoice offers the gateways the organisation has set up, none when it has none.
        gateways: org?.enabledGateways ?? [],
        seriesId: await defaultSeriesId(tx, kind),
        quoteId: input.quoteId ?? null,
        salesOrderId: input.salesOrderId ?? null,
        recurringProfileId: input.recurringProfileId ?? null,
        recurringOccurrenceDate: input.recurringOccurrenceDate ?? null,
      };
    },
    lines: lines.map((line, i) => ({
      ...line,
      salesOrderLineId: resolved[i]?.salesOrderLineId ?? kept[i] ?? null,
    })),
  });
}

const INVOICE_TABLES = {
  table: invoices,
  lines: invoiceLines,
  lineDocumentId: invoiceLines.invoiceId,
  lineDocumentKey: "invoiceId",
};

/** A credit note may name the invoice it corrects: an issued one of the same customer. */
async function checkCorrectedInvoice(
  tx: Tx,
  kind: InvoiceKind,
  customerId: string,
  correctsInvoiceId: string | null | undefined,
): Promise<string | null> {
  if (!correctsInvoiceId) return null;
  if (kind !== "credit_note")
    throw invalid("body.correctsInvoiceId", "only a credit note corrects an invoice", "not_allowed");
  const [target] = await tx.select().from(invoices).where(eq(invoices.id, correctsInvoiceId));
  if (!target || target.customerId !== customerId || target.kind !== "invoice" || !target.issuedAt)
    throw invalid(
      "body.correctsInvoiceId",
      "choose an issued invoice of the same customer",
      "corrected_invoice_invalid",
    );
  return target.id;
}

/**
 * A draft invoice from lines priced elsewhere (an accepted quote, a sales order), in the caller's
 * transaction. The lines keep their tax snapshot, so the invoice adds up to exactly what was agreed.
 */
export function createDraftFromPricedLinesInTx(
  tx: Tx,
  orgId: string,
  input: {
    customerId: string;
    currency: string;
    notes: string | null;
    terms: string | null;
    quoteId?: string;
    salesOrderId?: string;
    /** Due this many days after the issue date (a recurring profile's terms); else the customer's terms. */
    dueDate?: string;
    /** The recurring profile and occurrence that make it: unique, so an occurrence makes one invoice. */
    recurringProfileId?: string;
    recurringOccurrenceDate?: string;
    lines: DraftLine[];
  },
): Promise<string> {
  const { lines, ...rest } = input;
  return writePricedDraft(tx, orgId, { ...rest, allowPartialPayments: false }, async () => lines, null);
}

export function createDraft(db: Db, orgId: string, input: DraftInput): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) => {
    const id = await writeDraft(tx, orgId, input, null);
    return findDetail(tx, await findInvoice(tx, id), await orgToday(tx, orgId));
  });
}

export function updateDraft(
  db: Db,
  orgId: string,
  invoiceId: string,
  input: DraftInput,
): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockInvoice(tx, invoiceId);
    if (current.status !== "draft") throw new AppError("INVOICE_NOT_DRAFT");
    if (current.salesOrderId && input.customerId !== current.customerId)
      throw invalid(
        "body.customerId",
        "an invoice billed from a sales order keeps its customer",
        "customer_fixed",
      );
    await writeDraft(tx, orgId, input, current);
    if (current.salesOrderId) await refreshSalesOrderInTx(tx, current.salesOrderId);
    return findDetail(tx, await findInvoice(tx, invoiceId), await orgToday(tx, orgId));
  });
}

/**
 * Issues a draft inside the caller's transaction: takes the next number of its series for the year of
 * issue and freezes the customer's details. It keeps the draft's date, or the one the request asks for
 * (`useToday`): a date after today, or before the last issued invoice of the series and year, is refused,
 * never silently replaced. From here on it changes only by payments, being sent or viewed, or voiding.
 */
export async function issueInTx(
  tx: Tx,
  orgId: string,
  invoiceId: string,
  body?: IssueDateBody,
): Promise<InvoiceRow> {
  const current = await lockInvoice(tx, invoiceId);
  if (current.status === "void") throw new AppError("INVOICE_VOID");
  if (current.status !== "draft") throw new AppError("INVOICE_NOT_DRAFT");
  if ((await findLines(tx, invoiceId)).length === 0) throw new AppError("INVOICE_EMPTY");
  // What is owed back is a credit note; an invoice or a retainer that owes the customer is not issued.
  if (current.kind !== "credit_note" && current.totalMinor < 0) throw new AppError("INVOICE_TOTAL_NEGATIVE");
  if (current.kind === "credit_note")
    await checkRectificationAtIssue(tx, await loadOrganisation(tx, orgId), current);
  const { customer, today, issueDate } = await chooseIssueDateInTx(tx, orgId, current, body);
  // The due date keeps its meaning: as many days after the issue date as the draft had, or the terms.
  const dueDate =
    current.dueDate === null
      ? addDaysWithinRange(issueDate, customer.paymentTermsDays)
      : addDaysWithinRange(issueDate, daysBetween(current.issueDate, current.dueDate));
  if (dueDate < issueDate)
    throw new AppError(
      "DUE_DATE_BEFORE_ISSUE",
      [
        {
          field: "dueDate",
          message: `the due date ${dueDate} is before the issue date ${issueDate}`,
          code: "due_before_issue",
        },
      ],
      undefined,
      { issueDate, dueDate, today },
    );
  const { sequence, number, year } = await numberInSeries(tx, orgId, invoices, current, { issueDate, today });
  const snapshot = customerSnapshotOf(customer);
  const [row] = await tx
    .update(invoices)
    .set({
      status: "issued",
      number,
      year,
      sequence,
      issueDate,
      dueDate,
      issuedAt: clock.now(),
      customerSnapshot: snapshot,
      updatedAt: clock.now(),
    })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, "draft")))
    .returning();
  if (!row) throw new AppError("CONFLICT");
  // In VERI*FACTU mode, the billing record in the same transaction (decision 049).
  await writeAltaInTx(tx, orgId, row);
  return row;
}

export function issueInvoice(
  db: Db,
  orgId: string,
  invoiceId: string,
  body?: IssueDateBody,
): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) =>
    findDetail(tx, await issueInTx(tx, orgId, invoiceId, body), await orgToday(tx, orgId)),
  );
}

/** Voiding keeps the number (no gap) and revokes every emailed link to the invoice. */
export function voidInvoice(db: Db, orgId: string, invoiceId: string): Promise<InvoiceDetail> {
  return withOrg(db, orgId, async (tx) => {
    const current = await lockInvoice(tx, invoiceId);
    if (current.status === "draft") throw new AppError("INVOICE_NOT_ISSUED");
    if (current.status === "void") throw new AppError("INVOICE_VOID");
    if (current.paidMinor !== 0) throw new AppError("INVOICE_HAS_PAYMENTS");
    if (current.usedMinor !== 0) throw new AppError("INVOICE_HAS_CREDIT_USED");
    const row = await voidDocumentInTx(tx, invoices, invoiceId);
    // In VERI*FACTU mode, the anulación of its billing record (decision 049).
    await writeAnulacionInTx(tx, orgId, row);
    // A voided invoice gives its quantities back to the sales order it billed.
    if (current.salesOrderId) await refreshSalesOrderInTx(tx, current.salesOrderId);
    // … and the time it billed to its project (decision 039).
    await releaseBilledTimeInTx(tx, invoiceId);
    return findDetail(tx, row, await orgToday(tx, orgId));
  });
}

/** The invoice list's filtered set and orders, one definition for its page, totals and export (decision 062). */
export { invoiceListWhere, invoiceOrders } from "./invoice-list.queries.js";
