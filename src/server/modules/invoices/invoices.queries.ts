import { and, asc, desc, eq, ilike, ne, sql } from "drizzle-orm";
import type {
  InvoiceDetail,
  InvoiceKind,
  InvoiceStatus,
  InvoiceSummary,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { checkoutSessions, customers, invoiceLines, invoices, refunds } from "../../db/schema/index.js";
import { documentCustomerName, pricedLineOf } from "../documents/document-detail.js";
import { dueOf, isOverdue, openSql } from "../documents/document-facts.js";
import { findDocumentLines, findDocumentRow, lockDocumentRow } from "../documents/document-rows.js";
import { availableCreditOf } from "../ledger/document-amounts.js";
import { netAllocations, toRefund } from "../ledger/net-allocations.js";

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

export function toSummary(
  inv: InvoiceRow,
  customerName: string,
  today: string,
  paymentProcessing = false,
): InvoiceSummary {
  return {
    id: inv.id,
    kind: inv.kind,
    number: inv.number,
    status: inv.status,
    customerId: inv.customerId,
    customerName,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    totalMinor: inv.totalMinor,
    paidMinor: inv.paidMinor,
    dueMinor: dueOf(inv),
    availableMinor: availableCreditOf(inv),
    isOverdue: isOverdue(inv, today),
    paymentProcessing,
  };
}

export const findInvoice = (tx: Tx, invoiceId: string): Promise<InvoiceRow> =>
  findDocumentRow(tx, invoices, invoiceId);

/** Issuing, voiding and recording payments on one invoice happen one at a time. */
export const lockInvoice = (tx: Tx, invoiceId: string): Promise<InvoiceRow> =>
  lockDocumentRow(tx, invoices, invoiceId);

export const findLines = (tx: Tx, invoiceId: string): Promise<InvoiceLineRow[]> =>
  findDocumentLines(tx, invoiceLines, invoiceLines.invoiceId, invoiceId);

export async function findDetail(tx: Tx, inv: InvoiceRow, today: string): Promise<InvoiceDetail> {
  const lines = await findLines(tx, inv.id);
  const refundRows = await tx
    .select()
    .from(refunds)
    .where(eq(refunds.sourceInvoiceId, inv.id))
    .orderBy(asc(refunds.refundedOn), asc(refunds.createdAt));
  const [corrected] = inv.correctsInvoiceId
    ? await tx
        .select({ number: invoices.number })
        .from(invoices)
        .where(eq(invoices.id, inv.correctsInvoiceId))
    : [];
  const customerName = await documentCustomerName(tx, inv);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...toSummary(inv, customerName, today),
    notes: inv.notes,
    terms: inv.terms,
    allowPartialPayments: inv.allowPartialPayments,
    subtotalMinor: inv.subtotalMinor,
    discountMinor: inv.discountMinor,
    netMinor: inv.netMinor,
    taxMinor: inv.taxMinor,
    taxBreakdown: inv.taxBreakdown,
    lines: lines.map(pricedLineOf),
    issuedAt: iso(inv.issuedAt),
    sentAt: iso(inv.sentAt),
    viewedAt: iso(inv.viewedAt),
    paidAt: iso(inv.paidAt),
    voidedAt: iso(inv.voidedAt),
    quoteId: inv.quoteId,
    correctsInvoiceId: inv.correctsInvoiceId,
    correctsInvoiceNumber: corrected?.number ?? null,
    allocations: await netAllocations(tx, sql`a.invoice_id = ${inv.id}`),
    appliedTo: await netAllocations(tx, sql`a.source_invoice_id = ${inv.id}`),
    refunds: refundRows.map(toRefund),
    gateways: inv.gateways,
    paymentProcessing: await hasProcessingCheckout(tx, inv.id),
  };
}

/** A checkout of this invoice the provider accepted but has not settled (issue 13). */
async function hasProcessingCheckout(tx: Tx, invoiceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: checkoutSessions.id })
    .from(checkoutSessions)
    .where(
      and(
        eq(checkoutSessions.status, "processing"),
        sql`${checkoutSessions.allocations} @> ${JSON.stringify([{ invoiceId }])}::jsonb`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Which of these invoices have a checkout the provider accepted but has not settled: one read of the
 * processing checkouts in scope (a few SEPA debits in flight), for a whole list.
 */
export async function processingInvoiceIds(tx: Tx, invoiceIds: string[]): Promise<Set<string>> {
  if (invoiceIds.length === 0) return new Set();
  const wanted = new Set(invoiceIds);
  const rows = await tx
    .select({ allocations: checkoutSessions.allocations })
    .from(checkoutSessions)
    .where(eq(checkoutSessions.status, "processing"));
  return new Set(rows.flatMap((r) => r.allocations.map((a) => a.invoiceId)).filter((id) => wanted.has(id)));
}

export async function findSummaries(
  tx: Tx,
  filter: {
    status?: InvoiceStatus;
    kind?: InvoiceKind;
    customerId?: string;
    q?: string;
    excludeDrafts?: boolean;
    open?: boolean;
  },
  today: string,
): Promise<InvoiceSummary[]> {
  const term = likeTerm(filter.q);
  const rows = await tx
    .select({ inv: invoices, customerName: customers.name })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        filter.status ? eq(invoices.status, filter.status) : undefined,
        filter.kind ? eq(invoices.kind, filter.kind) : undefined,
        filter.customerId ? eq(invoices.customerId, filter.customerId) : undefined,
        filter.excludeDrafts ? sql`${invoices.status} <> 'draft'` : undefined,
        term ? sql`(${ilike(invoices.number, term)} or ${ilike(customers.name, term)})` : undefined,
        filter.open ? and(openSql(), ne(invoices.kind, "credit_note")) : undefined,
      ),
    )
    .orderBy(
      ...(filter.open
        ? [asc(sql`coalesce(${invoices.dueDate}, ${invoices.issueDate})`), asc(invoices.number)]
        : [desc(invoices.issueDate), desc(invoices.createdAt)]),
    )
    .limit(1000);
  const processing = await processingInvoiceIds(
    tx,
    rows.map((r) => r.inv.id),
  );
  return rows.map((r) => toSummary(r.inv, r.customerName, today, processing.has(r.inv.id)));
}
