import { type AnyColumn, and, asc, desc, eq, ilike, ne, type SQL, sql } from "drizzle-orm";
import type {
  InvoiceDetail,
  InvoiceKind,
  InvoiceStatus,
  InvoiceSummary,
  Refund,
} from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { checkoutSessions, customers, invoiceLines, invoices } from "../../db/schema/index.js";
import { documentCustomerName, pricedLineOf } from "../documents/document-detail.js";
import { dueOf, isOverdue, openSql } from "../documents/document-facts.js";
import { findDocumentLines, findDocumentRow, lockDocumentRow } from "../documents/document-rows.js";
import { availableCreditOf } from "../ledger/document-amounts.js";
import { netAllocationLists, refundListSql } from "../ledger/net-allocations.js";
import { findOrganisation } from "../organisation/organisation.service.js";
import { rectificationOfRow } from "../rectifying/rectification.js";
import { verifactuQrUrlOf } from "../verifactu-xml/document-qr.js";

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
  const parts = await findDetailParts(tx, inv);
  const [allocationList, appliedTo] = await netAllocationLists(tx, [
    sql`a.invoice_id = ${inv.id}`,
    sql`a.source_invoice_id = ${inv.id}`,
  ]);
  const customerName = await documentCustomerName(tx, inv);
  const org = await findOrganisation(tx, inv.orgId);
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
    lines: parts.lines.map(pricedLineOf),
    issuedAt: iso(inv.issuedAt),
    sentAt: iso(inv.sentAt),
    viewedAt: iso(inv.viewedAt),
    paidAt: iso(inv.paidAt),
    voidedAt: iso(inv.voidedAt),
    quoteId: inv.quoteId,
    correctsInvoiceId: inv.correctsInvoiceId,
    correctsInvoiceNumber: parts.corrected_number,
    recurringProfileId: inv.recurringProfileId,
    allocations: allocationList ?? [],
    appliedTo: appliedTo ?? [],
    refunds: parts.refunds,
    gateways: inv.gateways,
    paymentProcessing: parts.processing,
    verifactuQrUrl: org ? verifactuQrUrlOf(org, inv) : null,
    rectification: rectificationOfRow(inv),
  };
}

/**
 * An invoice's lines (by position), its refunds (oldest first), the number of the invoice it corrects and
 * whether a payment of it is processing, in one statement (issue 14): each list a `json_agg` of exactly
 * the fields the detail shows.
 */
async function findDetailParts(tx: Tx, inv: InvoiceRow) {
  const l = invoiceLines;
  const result = await tx.execute(sql`select
    (select coalesce(json_agg(json_build_object('id', ${l.id}, 'position', ${l.position},
              'description', ${l.description}, 'quantityMilli', ${l.quantityMilli},
              'unitPriceMinor', ${l.unitPriceMinor}, 'discountBp', ${l.discountBp}, 'taxes', ${l.taxes},
              'grossMinor', ${l.grossMinor}, 'discountMinor', ${l.discountMinor}, 'netMinor', ${l.netMinor},
              'taxMinor', ${l.taxMinor}, 'totalMinor', ${l.totalMinor}) order by ${l.position}), '[]'::json)
       from ${l} where ${l.invoiceId} = ${inv.id}) as lines,
    ${refundListSql(sql`r.source_invoice_id = ${inv.id}`)} as refunds,
    (select ${invoices.number} from ${invoices} where ${invoices.id} = ${inv.correctsInvoiceId}::uuid)
      as corrected_number,
    ${paymentProcessingSql(sql`${inv.id}::uuid`)} as processing`);
  type Parts = {
    lines: InvoiceLineRow[];
    refunds: Refund[];
    corrected_number: string | null;
    processing: boolean;
  };
  // Both drivers (PGlite, node-postgres) answer { rows } and parse json and boolean columns.
  const [row] = (result as unknown as { rows: Parts[] }).rows;
  return row as Parts;
}

/**
 * Whether a checkout of the invoice `invoiceId` names is one the provider accepted but has not settled
 * (issue 13), as a column of the statement that reads the invoice: no statement of its own. Uncorrelated,
 * so PostgreSQL reads the processing checkouts once per statement (a hashed subplan), not once per row.
 */
export const paymentProcessingSql = (invoiceId: AnyColumn | SQL) =>
  sql<boolean>`coalesce(${invoiceId}::text in (select e ->> 'invoiceId' from ${checkoutSessions} cs,
    jsonb_array_elements(cs.allocations) e where cs.status = 'processing'), false)`;

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
    .select({ inv: invoices, customerName: customers.name, processing: paymentProcessingSql(invoices.id) })
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
  return rows.map((r) => toSummary(r.inv, r.customerName, today, r.processing));
}
