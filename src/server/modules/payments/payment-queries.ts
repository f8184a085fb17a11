import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PaymentDetail, PaymentSummary } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { allocations, customers, invoices, payments, refunds } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { netAllocations, toRefund } from "../ledger/net-allocations.js";

export type PaymentRow = typeof payments.$inferSelect;

interface PaymentFigures {
  allocatedMinor: number;
  toInvoicesMinor: number;
  toRetainersMinor: number;
  refundedMinor: number;
}

/** Net allocations (to invoices and to retainers) and refunds of each payment, summed in the database. */
export async function paymentFigures(tx: Tx, ids: string[]): Promise<Map<string, PaymentFigures>> {
  const out = new Map<string, PaymentFigures>();
  for (const id of ids)
    out.set(id, { allocatedMinor: 0, toInvoicesMinor: 0, toRetainersMinor: 0, refundedMinor: 0 });
  if (ids.length === 0) return out;
  const allocs = await tx
    .select({
      paymentId: allocations.paymentId,
      kind: invoices.kind,
      sum: sql<string>`sum(${allocations.amountMinor})`,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(inArray(allocations.paymentId, ids))
    .groupBy(allocations.paymentId, invoices.kind);
  for (const a of allocs) {
    const f = out.get(a.paymentId ?? "");
    if (!f) continue;
    const sum = Number(a.sum);
    f.allocatedMinor += sum;
    if (a.kind === "retainer") f.toRetainersMinor += sum;
    else f.toInvoicesMinor += sum;
  }
  const refs = await tx
    .select({ paymentId: refunds.paymentId, sum: sql<string>`sum(${refunds.amountMinor})` })
    .from(refunds)
    .where(inArray(refunds.paymentId, ids))
    .groupBy(refunds.paymentId);
  for (const r of refs) {
    const f = out.get(r.paymentId ?? "");
    if (f) f.refundedMinor = Number(r.sum);
  }
  return out;
}

export const unappliedOf = (p: PaymentRow, f: PaymentFigures) =>
  p.amountMinor - f.allocatedMinor - f.refundedMinor;
/** Money that paid a retainer is refunded from the retainer's balance, not from the payment. */
export const refundableOf = (p: PaymentRow, f: PaymentFigures) =>
  p.amountMinor - f.toRetainersMinor - f.refundedMinor;

function toSummary(p: PaymentRow, customerName: string, f: PaymentFigures): PaymentSummary {
  return {
    id: p.id,
    number: p.number,
    customerId: p.customerId,
    customerName,
    amountMinor: p.amountMinor,
    currency: p.currency,
    method: p.method,
    paidOn: p.paidOn,
    reference: p.reference,
    gateway: p.gateway,
    allocatedMinor: f.allocatedMinor,
    refundedMinor: f.refundedMinor,
    unappliedMinor: unappliedOf(p, f),
    paidInvoices: f.toInvoicesMinor > 0,
  };
}

export async function findPayment(tx: Tx, id: string, lock = false): Promise<PaymentRow> {
  const q = tx.select().from(payments).where(eq(payments.id, id));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function listPaymentSummaries(
  tx: Tx,
  filter: {
    customerId?: string;
    q?: string;
    filter?: "all" | "invoice";
    sort?: "date" | "amount";
    dir?: "asc" | "desc";
  },
): Promise<PaymentSummary[]> {
  const term = likeTerm(filter.q);
  const conditions: (SQL | undefined)[] = [
    filter.customerId ? eq(payments.customerId, filter.customerId) : undefined,
    term
      ? or(ilike(payments.number, term), ilike(payments.reference, term), ilike(customers.name, term))
      : undefined,
    filter.filter === "invoice"
      ? // Spelled out: drizzle leaves single-table columns unqualified, which a subquery would misread.
        sql`exists (select 1 from ${allocations} a join ${invoices} i on i.id = a.invoice_id
          where a.payment_id = "payments"."id" and i.kind = 'invoice')`
      : undefined,
  ];
  const dir = filter.dir === "asc" ? asc : desc;
  const rows = await tx
    .select({ p: payments, customerName: customers.name })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(and(...conditions))
    .orderBy(
      filter.sort === "amount" ? dir(payments.amountMinor) : dir(payments.paidOn),
      dir(payments.createdAt),
      dir(payments.id),
    )
    .limit(1000);
  const figures = await paymentFigures(
    tx,
    rows.map((r) => r.p.id),
  );
  return rows.map((r) => toSummary(r.p, r.customerName, figures.get(r.p.id) as PaymentFigures));
}

export async function findPaymentDetail(tx: Tx, p: PaymentRow): Promise<PaymentDetail> {
  const [cust] = await tx
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, p.customerId));
  const f = (await paymentFigures(tx, [p.id])).get(p.id) as PaymentFigures;
  const refundRows = await tx
    .select()
    .from(refunds)
    .where(eq(refunds.paymentId, p.id))
    .orderBy(asc(refunds.refundedOn), asc(refunds.createdAt));
  return {
    ...toSummary(p, cust?.name ?? "", f),
    notes: p.notes,
    allocations: await netAllocations(tx, sql`a.payment_id = ${p.id}`),
    refunds: refundRows.map(toRefund),
    refundableMinor: refundableOf(p, f),
  };
}
