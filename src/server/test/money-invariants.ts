// The money invariants of a whole database, in plain SQL (issue 18): what `bench/scale.ts` checks after each
// load run, and what a test may check after concurrent payments. Every organisation at once, so it must run
// as a role that bypasses row-level security (the superuser of a throwaway cluster, PGlite's postgres); the
// checker refuses to run as any other role rather than see no rows and answer "all fine".
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";

/** Runs one SQL text and returns its rows (a pg client, PGlite, or drizzle's `execute`). */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** `Query` over drizzle's `execute`, the same for node-postgres and PGlite (both answer `{ rows }`). */
export const queryOf =
  (db: Db): Query =>
  async (text) =>
    ((await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;

export interface Violation {
  /** The invariant broken, one of `MONEY_INVARIANTS`' names. */
  check: string;
  /** How many rows break it. */
  count: number;
  /** The first few offending rows, as the check's query returns them. */
  examples: Record<string, unknown>[];
}

/** A receipt's number split by the series it belongs to: `RC2026-0007` → the "RC" series, 2026, 7. */
const RECEIPTS = `
  select p.id, p.org_id, p.number, s.id as series_id,
         substr(p.number, length(s.prefix) + 1, 4)::int as year,
         split_part(substr(p.number, length(s.prefix) + 1), '-', 2)::int as sequence
  from payments p
  join number_series s on s.org_id = p.org_id and s.document_type = 'receipt'
   and starts_with(p.number, s.prefix) and substr(p.number, length(s.prefix) + 1) ~ '^[0-9]{4}-[0-9]+$'`;

/**
 * A numbered table's numbers per series and year against the series' counter: gap-free means the numbers
 * are exactly 1 … n, each once, and the counter says n (a number taken and not used is a gap too).
 */
const gapFree = (numbered: string, documentTypes: string) => `
  with numbered as (${numbered}),
  per_year as (
    select series_id, year, count(*) as used, count(distinct sequence) as distinct_numbers,
           min(sequence) as lowest, max(sequence) as highest
    from numbered group by series_id, year
  ),
  counters as (
    select c.series_id, c.year, c.last_number
    from number_counters c join number_series s on s.id = c.series_id
    where s.document_type in (${documentTypes})
  )
  select coalesce(u.series_id, c.series_id) as series_id, coalesce(u.year, c.year) as year,
         u.used, u.distinct_numbers, u.lowest, u.highest, c.last_number
  from per_year u full join counters c on c.series_id = u.series_id and c.year = u.year
  where coalesce(u.used, 0) <> coalesce(c.last_number, 0)
     or u.used <> u.distinct_numbers or u.lowest <> 1 or u.highest <> u.used`;

/** Each invariant as a query of the rows that break it (none when it holds). */
export const MONEY_INVARIANTS: { name: string; sql: string }[] = [
  {
    // No over-collection: an invoice (or a retainer) never holds more than its total.
    name: "invoice paid above its total",
    sql: `select id, number, kind, total_minor, paid_minor from invoices
          where kind in ('invoice', 'retainer') and paid_minor > total_minor`,
  },
  {
    name: "credit used above what the document holds",
    sql: `select id, number, kind, total_minor, paid_minor, used_minor from invoices
          where (kind = 'credit_note' and used_minor > total_minor)
             or (kind = 'retainer' and used_minor > paid_minor) or used_minor < 0 or paid_minor < 0`,
  },
  {
    // The stored paid amount is the ledger's: the sum of every allocation to the document.
    name: "invoice paid differs from its allocations",
    sql: `select i.id, i.number, i.paid_minor, coalesce(a.sum, 0) as allocated
          from invoices i
          left join (select invoice_id, sum(amount_minor) as sum from allocations group by invoice_id) a
            on a.invoice_id = i.id
          where i.paid_minor <> coalesce(a.sum, 0)`,
  },
  {
    name: "credit used differs from its allocations and refunds",
    sql: `select i.id, i.number, i.used_minor, coalesce(a.sum, 0) + coalesce(r.sum, 0) as ledger
          from invoices i
          left join (select source_invoice_id as id, sum(amount_minor) as sum from allocations
                     where source_invoice_id is not null group by source_invoice_id) a on a.id = i.id
          left join (select source_invoice_id as id, sum(amount_minor) as sum from refunds
                     where source_invoice_id is not null group by source_invoice_id) r on r.id = i.id
          where i.used_minor <> coalesce(a.sum, 0) + coalesce(r.sum, 0)`,
  },
  {
    // A payment's money goes to invoices (net of what refunds took back off them), back to the payer, or
    // stays as credit: never more than the payment.
    name: "payment allocated and refunded above its amount",
    sql: `select p.id, p.number, p.amount_minor, coalesce(a.sum, 0) as allocated, coalesce(r.sum, 0) as refunded
          from payments p
          left join (select payment_id, sum(amount_minor) as sum from allocations
                     where payment_id is not null group by payment_id) a on a.payment_id = p.id
          left join (select payment_id, sum(amount_minor) as sum from refunds
                     where payment_id is not null group by payment_id) r on r.payment_id = p.id
          where p.amount_minor <= 0 or coalesce(a.sum, 0) < 0
             or coalesce(a.sum, 0) + coalesce(r.sum, 0) > p.amount_minor`,
  },
  {
    name: "allocation across customers, organisations or currencies",
    sql: `select a.id, a.invoice_id, a.payment_id, a.source_invoice_id from allocations a
          join invoices i on i.id = a.invoice_id
          left join payments p on p.id = a.payment_id
          left join invoices s on s.id = a.source_invoice_id
          where i.org_id <> a.org_id or i.customer_id <> a.customer_id
             or (p.id is not null and (p.org_id <> a.org_id or p.customer_id <> a.customer_id
                                       or p.currency <> i.currency))
             or (s.id is not null and (s.org_id <> a.org_id or s.customer_id <> a.customer_id
                                       or s.currency <> i.currency))
             or (a.payment_id is not null and p.id is null)`,
  },
  {
    // Online: a succeeded checkout is exactly one payment of its amount; any other checkout none.
    name: "checkout collected other than once, or another amount",
    sql: `select c.id, c.status, c.amount_minor, count(p.id) as payments, coalesce(sum(p.amount_minor), 0) as collected
          from checkout_sessions c left join payments p on p.checkout_id = c.id
          group by c.id, c.status, c.amount_minor
          having (c.status = 'succeeded' and (count(p.id) <> 1 or sum(p.amount_minor) <> c.amount_minor))
              or (c.status <> 'succeeded' and count(p.id) <> 0)`,
  },
  {
    name: "invoice numbers not gap-free per series and year",
    sql: gapFree(
      "select org_id, series_id, year, sequence from invoices where number is not null",
      "'invoice', 'credit_note', 'retainer'",
    ),
  },
  {
    name: "receipt numbers not gap-free per series and year",
    sql: gapFree(`select org_id, series_id, year, sequence from (${RECEIPTS}) r`, "'receipt'"),
  },
  {
    name: "receipt number of no receipt series",
    sql: `select p.id, p.number from payments p where not exists (select 1 from (${RECEIPTS}) r where r.id = p.id)`,
  },
];

/** Every broken invariant of the database (an empty list when all hold). */
export async function checkMoneyInvariants(query: Query): Promise<Violation[]> {
  const [role] = await query(
    "select rolsuper or rolbypassrls as sees_all from pg_roles where rolname = current_user",
  );
  if (!role?.sees_all)
    throw new Error("the money invariants read every organisation: run them as a role that bypasses RLS");
  const violations: Violation[] = [];
  for (const check of MONEY_INVARIANTS) {
    const rows = await query(check.sql);
    if (rows.length > 0)
      violations.push({ check: check.name, count: rows.length, examples: rows.slice(0, 3) });
  }
  return violations;
}
