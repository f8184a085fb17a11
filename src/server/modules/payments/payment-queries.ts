import { and, asc, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { PaymentDetail, PaymentSummary, Refund } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { allocations, customers, invoices, payments, refunds } from "../../db/schema/index.js";
import { AppError } from "../../errors/errors.js";
import { netAllocations, refundListSql } from "../ledger/net-allocations.js";

export type PaymentRow = typeof payments.$inferSelect;

export interface PaymentFigures {
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
  // One statement (issue 14): allocations by the kind of what they paid, refunds as kind null.
  const rows = await tx.execute(sql`
    select payment_id, kind, sum(amount_minor)::text as sum from (
      select a.payment_id, i.kind::text as kind, a.amount_minor
        from ${allocations} a join ${invoices} i on i.id = a.invoice_id
       where a.payment_id in ${ids}
      union all
      select r.payment_id, null, r.amount_minor from ${refunds} r where r.payment_id in ${ids}
    ) m group by payment_id, kind`);
  type Row = { payment_id: string; kind: string | null; sum: string };
  // Both drivers (PGlite, node-postgres) answer { rows }.
  for (const row of (rows as unknown as { rows: Row[] }).rows) {
    const f = out.get(row.payment_id);
    if (!f) continue;
    const sum = Number(row.sum);
    if (row.kind === null) {
      f.refundedMinor = sum;
      continue;
    }
    f.allocatedMinor += sum;
    if (row.kind === "retainer") f.toRetainersMinor += sum;
    else f.toInvoicesMinor += sum;
  }
  return out;
}

export const unappliedOf = (p: PaymentRow, f: PaymentFigures) =>
  p.amountMinor - f.allocatedMinor - f.refundedMinor;
/** Money that paid a retainer is refunded from the retainer's balance, not from the payment. */
export const refundableOf = (p: PaymentRow, f: PaymentFigures) =>
  p.amountMinor - f.toRetainersMinor - f.refundedMinor;

export function toSummary(p: PaymentRow, customerName: string, f: PaymentFigures): PaymentSummary {
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
  // The customer's name and the refunds in one statement (issue 14).
  const result = await tx.execute(sql`select
    (select ${customers.name} from ${customers} where ${customers.id} = ${p.customerId}) as customer_name,
    ${refundListSql(sql`r.payment_id = ${p.id}`)} as refunds`);
  const [parts] = (result as unknown as { rows: { customer_name: string | null; refunds: Refund[] }[] }).rows;
  const f = (await paymentFigures(tx, [p.id])).get(p.id) as PaymentFigures;
  return {
    ...toSummary(p, parts?.customer_name ?? "", f),
    notes: p.notes,
    allocations: await netAllocations(tx, sql`a.payment_id = ${p.id}`),
    refunds: parts?.refunds ?? [],
    refundableMinor: refundableOf(p, f),
  };
}
