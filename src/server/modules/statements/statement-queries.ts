import { type SQL, sql } from "drizzle-orm";
import type { PaymentMethod, StatementAging, StatementLineType } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoices, payments, refunds } from "../../db/schema/index.js";
import { pastDueSql } from "../documents/document-facts.js";
import { openInvoicesSql } from "../ledger/open-invoices.js";

export interface StatementFilter {
  customerId: string;
  currency: string;
}

/** One movement as read from the database; the running balance is added by whoever walks them. */
export interface Movement {
  id: string;
  type: StatementLineType;
  date: string;
  /** created_at as PostgreSQL prints it: exact to the microsecond, so it can resume a keyset. */
  createdKey: string;
  number: string | null;
  dueDate: string | null;
  correctsNumber: string | null;
  method: PaymentMethod | null;
  reference: string | null;
  amountMinor: number;
}

/** Both drivers (PGlite, node-postgres) answer `{ rows }`. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Every movement of one customer in one currency, signed by the statement convention (see the contract).
 * Issued, non-void invoices and credit notes on their issue date; every payment on its paidOn (those that
 * paid a retainer too); every refund (of a payment, a credit note or a retainer balance) on its date.
 */
function movements(f: StatementFilter): SQL {
  return sql`(
    select i.id, i.kind as type, i.issue_date as date, i.created_at, i.number, i.due_date,
           c.number as corrects_number, null::text as method, null::text as reference,
           case when i.kind = 'invoice' then i.total_minor else -i.total_minor end as amount
      from ${invoices} i
      left join ${invoices} c on c.id = i.corrects_invoice_id
     where i.customer_id = ${f.customerId} and i.currency = ${f.currency}
       and i.kind in ('invoice', 'credit_note') and i.status not in ('draft', 'void')
    union all
    select p.id, 'payment', p.paid_on, p.created_at, p.number, null, null, p.method, p.reference, -p.amount_minor
      from ${payments} p
     where p.customer_id = ${f.customerId} and p.currency = ${f.currency}
    union all
    select r.id, 'refund', r.refunded_on, r.created_at, coalesce(p.number, s.number), null, null, r.method,
           r.reference, r.amount_minor
      from ${refunds} r
      left join ${payments} p on p.id = r.payment_id
      left join ${invoices} s on s.id = r.source_invoice_id
     where r.customer_id = ${f.customerId} and r.currency = ${f.currency}
  ) m`;
}

/** The balance carried into the period: every movement dated before `from`. */
export async function openingBalance(tx: Tx, f: StatementFilter, from: string): Promise<number> {
  const result = await tx.execute(
    sql`select coalesce(sum(m.amount), 0)::text as total from ${movements(f)} where m.date < ${from}::date`,
  );
  return Number(rowsOf<{ total: string }>(result)[0]?.total ?? 0);
}

type MovementRow = {
  id: string;
  type: StatementLineType;
  date: string;
  created_key: string;
  number: string | null;
  due_date: string | null;
  corrects_number: string | null;
  method: PaymentMethod | null;
  reference: string | null;
  amount: string;
};

/** The movements of [from, to] in statement order: by date, ties by creation time, then id. */
function movementsInRange(f: StatementFilter, range: { from: string; to: string }): SQL {
  return sql`
      select m.id, m.type, m.date::text as date, m.created_at::text as created_key, m.number,
             m.due_date::text as due_date, m.corrects_number, m.method, m.reference, m.amount::text as amount
        from ${movements(f)}
       where m.date between ${range.from}::date and ${range.to}::date
       order by m.date, m.created_at, m.id`;
}

const toMovement = (r: MovementRow): Movement => ({
  id: r.id,
  type: r.type,
  date: r.date,
  createdKey: r.created_key,
  number: r.number,
  dueDate: r.due_date,
  correctsNumber: r.corrects_number,
  method: r.method,
  reference: r.reference,
  amountMinor: Number(r.amount),
});

/** Rows per FETCH: a batch is what a statement holds in memory at a time. */
export const MOVEMENT_BATCH = 1000;
let cursors = 0;

/**
 * A server-side cursor over the movements of [from, to]: the query runs and sorts once, and each FETCH
 * takes the next rows (no OFFSET, no keyset query re-reading the customer's rows for every batch, which
 * made reading 10,000 lines cost three times one query). `hold` keeps the cursor past the end of the
 * transaction that declares it (its rows are then computed at that commit, under that transaction's
 * scope), so each FETCH can run in a short transaction of its own. Names are unique per process.
 */
export async function declareMovementCursor(
  tx: Tx,
  f: StatementFilter,
  range: { from: string; to: string },
  hold: boolean,
): Promise<string> {
  cursors += 1;
  const name = `statement_lines_${cursors}`;
  const declare = hold ? "no scroll cursor with hold for" : "no scroll cursor for";
  await tx.execute(sql`declare ${sql.identifier(name)} ${sql.raw(declare)} ${movementsInRange(f, range)}`);
  return name;
}

/** The next batch of a cursor; shorter than MOVEMENT_BATCH (or empty) at the end. */
export async function fetchMovements(tx: Tx, cursor: string): Promise<Movement[]> {
  const result = await tx.execute(
    sql`fetch ${sql.raw(String(MOVEMENT_BATCH))} from ${sql.identifier(cursor)}`,
  );
  return rowsOf<MovementRow>(result).map(toMovement);
}

export async function closeMovementCursor(tx: Tx, cursor: string): Promise<void> {
  await tx.execute(sql`close ${sql.identifier(cursor)}`);
}

/** Every movement of [from, to] in batches, read through a cursor inside the caller's transaction. */
export async function* movementBatches(
  tx: Tx,
  f: StatementFilter,
  range: { from: string; to: string },
): AsyncGenerator<Movement[]> {
  const cursor = await declareMovementCursor(tx, f, range, false);
  for (;;) {
    const batch = await fetchMovements(tx, cursor);
    if (batch.length > 0) yield batch;
    if (batch.length < MOVEMENT_BATCH) break;
  }
  await closeMovementCursor(tx, cursor);
}

/**
 * What was outstanding at `to` on each invoice, as it stood then (`openInvoicesSql` as of `to`, the one
 * definition of outstanding), summed per bucket in SQL: a later payment does not rewrite an old statement.
 * Days past due count from the due date to `to`; an invoice without one is never overdue, as everywhere
 * else (`pastDueSql`), so it ages as current.
 */
export async function agingAt(tx: Tx, f: StatementFilter, to: string): Promise<StatementAging> {
  const pastDue = pastDueSql(to, { dueDate: sql.raw("o.due_date") });
  const late = sql`(${to}::date - o.due_date)`;
  const bucket = (when: SQL) => sql`coalesce(sum(o.due) filter (where ${when}), 0)::text`;
  const result = await tx.execute(sql`
    select ${bucket(sql`not ${pastDue}`)} as current,
           ${bucket(sql`${pastDue} and ${late} <= 30`)} as d30,
           ${bucket(sql`${pastDue} and ${late} between 31 and 60`)} as d60,
           ${bucket(sql`${pastDue} and ${late} between 61 and 90`)} as d90,
           ${bucket(sql`${pastDue} and ${late} > 90`)} as over90
      from ${openInvoicesSql(f.customerId, { currency: f.currency, asOf: to })} o`);
  const [r] = rowsOf<Record<"current" | "d30" | "d60" | "d90" | "over90", string>>(result);
  const aging = {
    currentMinor: Number(r?.current ?? 0),
    days1to30Minor: Number(r?.d30 ?? 0),
    days31to60Minor: Number(r?.d60 ?? 0),
    days61to90Minor: Number(r?.d90 ?? 0),
    over90Minor: Number(r?.over90 ?? 0),
  };
  return { ...aging, totalMinor: Object.values(aging).reduce((s, v) => s + v, 0) };
}

/** The currencies a customer has statement movements in, its own first (even with none). */
export async function statementCurrencies(tx: Tx, customerId: string, own: string): Promise<string[]> {
  const result = await tx.execute(sql`
    select currency from ${invoices}
     where customer_id = ${customerId} and kind in ('invoice', 'credit_note') and status not in ('draft', 'void')
    union select currency from ${payments} where customer_id = ${customerId}
    union select currency from ${refunds} where customer_id = ${customerId}
    order by 1`);
  const others = rowsOf<{ currency: string }>(result)
    .map((r) => r.currency)
    .filter((c) => c !== own);
  return [own, ...others];
}
