import { and, asc, desc, eq, ilike, sql } from "drizzle-orm";
import type { InvoiceDetail, InvoiceStatus, InvoiceSummary } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { customers, invoiceLines, invoices, payments } from "../../db/schema/index.js";
import { AppError } from "../../http/errors.js";

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

const OPEN_STATUSES: InvoiceStatus[] = ["issued", "sent", "viewed", "partially_paid"];

export function toSummary(inv: InvoiceRow, customerName: string, today: string): InvoiceSummary {
  return {
    id: inv.id,
    number: inv.number,
    status: inv.status,
    customerId: inv.customerId,
    customerName,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    totalMinor: inv.totalMinor,
    paidMinor: inv.paidMinor,
    dueMinor: inv.status === "void" ? 0 : inv.totalMinor - inv.paidMinor,
    isOverdue: OPEN_STATUSES.includes(inv.status) && inv.dueDate !== null && inv.dueDate < today,
  };
}

export async function findInvoice(tx: Tx, invoiceId: string): Promise<InvoiceRow> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Locks the row: issuing, voiding and recording payments on one invoice happen one at a time. */
export async function lockInvoice(tx: Tx, invoiceId: string): Promise<InvoiceRow> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export function findLines(tx: Tx, invoiceId: string): Promise<InvoiceLineRow[]> {
  return tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
}

export async function findDetail(tx: Tx, inv: InvoiceRow, today: string): Promise<InvoiceDetail> {
  const lines = await findLines(tx, inv.id);
  const pays = await tx
    .select()
    .from(payments)
    .where(eq(payments.invoiceId, inv.id))
    .orderBy(asc(payments.paidAt));
  const [cust] = await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, inv.customerId));
  const snapshotName = typeof inv.customerSnapshot?.name === "string" ? inv.customerSnapshot.name : null;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...toSummary(inv, snapshotName ?? cust?.name ?? "", today),
    notes: inv.notes,
    terms: inv.terms,
    allowPartialPayments: inv.allowPartialPayments,
    subtotalMinor: inv.subtotalMinor,
    discountMinor: inv.discountMinor,
    netMinor: inv.netMinor,
    taxMinor: inv.taxMinor,
    taxBreakdown: inv.taxBreakdown,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      taxes: l.taxes,
      grossMinor: l.grossMinor,
      discountMinor: l.discountMinor,
      netMinor: l.netMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
    })),
    issuedAt: iso(inv.issuedAt),
    sentAt: iso(inv.sentAt),
    viewedAt: iso(inv.viewedAt),
    paidAt: iso(inv.paidAt),
    voidedAt: iso(inv.voidedAt),
    quoteId: inv.quoteId,
    payments: pays.map((p) => ({
      id: p.id,
      amountMinor: p.amountMinor,
      method: p.method,
      gateway: p.gateway,
      paidAt: p.paidAt.toISOString(),
    })),
  };
}

export async function findSummaries(
  tx: Tx,
  filter: { status?: InvoiceStatus; customerId?: string; q?: string; excludeDrafts?: boolean },
  today: string,
): Promise<InvoiceSummary[]> {
  const term = filter.q?.trim() ? `%${filter.q.trim().replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  const rows = await tx
    .select({ inv: invoices, customerName: customers.name })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(
      and(
        filter.status ? eq(invoices.status, filter.status) : undefined,
        filter.customerId ? eq(invoices.customerId, filter.customerId) : undefined,
        filter.excludeDrafts ? sql`${invoices.status} <> 'draft'` : undefined,
        term ? sql`(${ilike(invoices.number, term)} or ${ilike(customers.name, term)})` : undefined,
      ),
    )
    .orderBy(desc(invoices.issueDate), desc(invoices.createdAt))
    .limit(1000);
  return rows.map((r) => toSummary(r.inv, r.customerName, today));
}
