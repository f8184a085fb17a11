import { type SQL, sql } from "drizzle-orm";
import type { Allocation, Refund } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { allocations, invoices, payments, refunds } from "../../db/schema/index.js";

// How allocations and refunds read back: an invoice's and a payment's detail show the same rows.

/** Allocations netted per source and target (a refund's negative rows reduce the original). */
export async function netAllocations(tx: Tx, where: SQL): Promise<Allocation[]> {
  return (await netAllocationLists(tx, [where]))[0] ?? [];
}

/**
 * `netAllocations` for each condition, in one statement: the groups matching any of them, each listed
 * under every condition it matches (a group is one source and one target, so each condition on them
 * selects whole groups, as its own query would).
 */
export async function netAllocationLists(tx: Tx, wheres: SQL[]): Promise<Allocation[][]> {
  type Row = {
    payment_id: string | null;
    source_invoice_id: string | null;
    invoice_id: string;
    amount: string;
    applied_on: string;
    source_number: string | null;
    source_kind: string | null;
    invoice_number: string | null;
    invoice_kind: "invoice" | "retainer" | "credit_note";
  } & Record<`in_${number}`, boolean>;
  const matches = sql.join(
    wheres.map((where, i) => sql`(${where}) as ${sql.raw(`in_${i}`)}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    select a.payment_id, a.source_invoice_id, a.invoice_id, sum(a.amount_minor)::text as amount,
           min(a.applied_on)::text as applied_on,
           coalesce(p.number, s.number) as source_number, s.kind as source_kind,
           i.number as invoice_number, i.kind as invoice_kind, ${matches}
      from ${allocations} a
      join ${invoices} i on i.id = a.invoice_id
      left join ${payments} p on p.id = a.payment_id
      left join ${invoices} s on s.id = a.source_invoice_id
     where ${sql.join(
       wheres.map((where) => sql`(${where})`),
       sql` or `,
     )}
     group by a.payment_id, a.source_invoice_id, a.invoice_id, p.number, s.number, s.kind, i.number, i.kind
    having sum(a.amount_minor) <> 0
     order by min(a.applied_on), min(a.created_at), i.number, a.invoice_id`);
  // Both drivers (PGlite, node-postgres) answer { rows }.
  const list = (result as unknown as { rows: Row[] }).rows;
  return wheres.map((_, i) =>
    list
      .filter((r) => r[`in_${i}`])
      .map((r) => ({
        sourceType: r.payment_id ? "payment" : r.source_kind === "retainer" ? "retainer" : "credit_note",
        sourceId: (r.payment_id ?? r.source_invoice_id) as string,
        sourceNumber: r.source_number,
        invoiceId: r.invoice_id,
        invoiceNumber: r.invoice_number,
        invoiceKind: r.invoice_kind,
        amountMinor: Number(r.amount),
        appliedOn: String(r.applied_on).slice(0, 10),
      })),
  );
}

export const toRefund = (r: typeof refunds.$inferSelect): Refund => ({
  id: r.id,
  amountMinor: r.amountMinor,
  currency: r.currency,
  method: r.method,
  refundedOn: r.refundedOn,
  reference: r.reference,
  notes: r.notes,
});

/**
 * The refunds `where` (on alias `r`) picks, oldest first, as the json list of what `toRefund` keeps: a
 * column of a larger read (issue 14: no statement of its own). Both drivers parse json columns.
 */
export const refundListSql = (where: SQL) =>
  sql`(select coalesce(json_agg(json_build_object('id', r.id, 'amountMinor', r.amount_minor,
         'currency', r.currency, 'method', r.method, 'refundedOn', r.refunded_on, 'reference', r.reference,
         'notes', r.notes) order by r.refunded_on, r.created_at), '[]'::json)
       from ${refunds} r where ${where})`;
