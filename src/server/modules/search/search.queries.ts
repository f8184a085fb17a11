import { type SQL, sql } from "drizzle-orm";
import { SEARCH_PER_KIND, type SearchKind, type SearchResult } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { likeTerm } from "../../db/like.js";
import { contacts, customers, invoices, quotes, salesOrders } from "../../db/schema/index.js";

/*
 * The header search box's one statement (issue 19, decision 059). Row-level security applies as to every
 * query, and it shapes how this one may use indexes: under FORCE RLS the planner turns a condition into an
 * index condition only when its operators are LEAKPROOF. `lower()`, LIKE and pg_trgm's operators are not
 * (and only a superuser may mark them so), so a trigram or `lower(number)` index is never used here. What
 * is: the text_pattern_ops comparisons `~>=~` / `~<~` on the stored `number` (document numbers are upper
 * case: a series prefix, the year, a sequence) and integer equality on `sequence`. Customers and contacts
 * are matched with ILIKE over the organisation's rows (thousands, not hundreds of thousands), and their
 * documents are read newest first from the customer's index: every branch reads a bounded number of rows.
 */

/** How many customers' documents the "customer name" branch reads. */
const MATCHED_CUSTOMERS = 5;
/** The greatest code point: a prefix's upper bound in a bytewise (text_pattern_ops) order. */
const TOP = "\u{10FFFF}";

export interface SearchTerms {
  /** As typed, trimmed. */
  text: string;
  /** ILIKE pattern: anywhere, with % _ \ taken literally. */
  anywhere: string;
  /** ILIKE pattern: at the start. */
  start: string;
  /** Document numbers are upper case: the prefix range compares against this. */
  numberPrefix: string;
  /** Digits only ("123", "0123"): the number's sequence, which finds "F2026-0123". */
  sequence: number | null;
}

export function searchTermsOf(q: string): SearchTerms {
  const text = q.trim();
  const anywhere = likeTerm(text) ?? "%";
  const digits = /^\d{1,9}$/.test(text) ? Number(text) : null;
  return {
    text,
    anywhere,
    start: anywhere.slice(1),
    numberPrefix: text.toUpperCase(),
    sequence: digits !== null && digits > 0 ? digits : null,
  };
}

/** exact 0, prefix 1, anywhere 2 (null: no match) of the case-insensitive matches of a text column. */
const textRank = (column: SQL, t: SearchTerms) =>
  sql`case when lower(${column}) = lower(${t.text}) then 0 when ${column} ilike ${t.start} then 1
      when ${column} ilike ${t.anywhere} then 2 end`;

const numberRange = (number: SQL, t: SearchTerms) =>
  sql`${number} ~>=~ ${t.numberPrefix} and ${number} ~<~ ${t.numberPrefix + TOP}`;

/**
 * One document table's candidates (ids and rank): the number's prefix (rank 0 when it is the whole number),
 * the sequence (2), and the newest documents of the matched customers (3); at most SEARCH_PER_KIND of each.
 */
function documentHits(table: SQL, t: SearchTerms, extra: SQL = sql`true`): SQL {
  const n = SEARCH_PER_KIND;
  const bySequence =
    t.sequence === null
      ? sql``
      : sql`union all (select d.id, 2 as rnk from ${table} d where d.sequence = ${t.sequence} and ${extra}
               order by d.year desc limit ${n})`;
  return sql`(select d.id, case when d.number = ${t.numberPrefix} then 0 else 1 end as rnk
      from ${table} d where ${numberRange(sql`d.number`, t)} and ${extra} order by d.number limit ${n})
    ${bySequence}
    union all (select h.id, 3 as rnk from matched_customers m cross join lateral
      (select d.id from ${table} d where d.customer_id = m.id and ${extra}
        order by d.issue_date desc, d.id desc limit ${n}) h)`;
}

/** A document table's results: its candidates with their customer, best rank first, newest first. */
function documentResults(
  table: SQL,
  kindSql: SQL,
  title: SQL,
  path: string,
  t: SearchTerms,
  extra?: SQL,
): SQL {
  return sql`select ${kindSql} as kind, d.id, ${title} as title, c.name as subtitle,
      ${path} || d.id::text as path, d.issue_date::text as date, d.status, d.currency, d.total_minor,
      h.rnk, d.issue_date as sort_date
    from (select id, min(rnk) as rnk from (${documentHits(table, t, extra)}) u group by id) h
    join ${table} d on d.id = h.id
    join ${customers} c on c.id = d.customer_id`;
}

type Row = {
  kind: SearchKind;
  id: string;
  title: string | null;
  subtitle: string | null;
  path: string;
  date: string | null;
  status: string | null;
  currency: string | null;
  total_minor: string | number | null;
};

export async function findSearchResults(tx: Tx, t: SearchTerms): Promise<SearchResult[]> {
  const n = SEARCH_PER_KIND;
  const quoteTitle = sql`case when d.revision > 1 then d.number || '-R' || d.revision else d.number end`;
  const latestRevision = sql`not exists (select 1 from ${quotes} r
    where r.root_id = d.root_id and r.revision > d.revision)`;
  const result = await tx.execute(sql`
    with matched_customers as (
      select c.id, c.name, c.tax_id, c.email, c.deleted_at,
        least(${textRank(sql`c.name`, t)}, ${textRank(sql`c.tax_id`, t)}, ${textRank(sql`c.email`, t)}) as rnk
      from ${customers} c
      where c.name ilike ${t.anywhere} or c.tax_id ilike ${t.anywhere} or c.email ilike ${t.anywhere}
      order by rnk, (c.deleted_at is not null), c.name, c.id
      limit ${MATCHED_CUSTOMERS}
    ),
    found as (
      select 'customer' as kind, m.id, m.name as title, coalesce(m.tax_id, m.email) as subtitle,
        '/customers/' || m.id::text as path, null::text as date,
        case when m.deleted_at is null then 'active' else 'archived' end as status,
        null::text as currency, null::bigint as total_minor, m.rnk, null::date as sort_date
      from matched_customers m
      union all
      (select 'contact', p.id, p.name, c.name, '/customers/' || p.customer_id::text, null, null, null, null,
          least(${textRank(sql`p.name`, t)}, ${textRank(sql`p.email`, t)}) as rnk, null
        from ${contacts} p join ${customers} c on c.id = p.customer_id
        where p.deleted_at is null and (p.name ilike ${t.anywhere} or p.email ilike ${t.anywhere})
        order by rnk, p.name, p.id limit ${n})
      union all
      ${documentResults(sql`${invoices}`, sql`d.kind`, sql`d.number`, "/invoices/", t)}
      union all
      ${documentResults(sql`${quotes}`, sql`'quote'`, quoteTitle, "/quotes/", t, latestRevision)}
      union all
      ${documentResults(sql`${salesOrders}`, sql`'sales_order'`, sql`d.number`, "/sales-orders/", t)}
    )
    select kind, id, title, subtitle, path, date, status, currency, total_minor from (
      select f.*, row_number() over (partition by kind order by rnk, sort_date desc nulls last, title, id) as nth
      from found f
    ) ranked
    where nth <= ${n}
    order by array_position(array['customer', 'contact', 'invoice', 'retainer', 'credit_note', 'quote',
      'sales_order'], kind), nth`);
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    title: r.title,
    subtitle: r.subtitle,
    path: r.path,
    date: r.date,
    status: r.status,
    currency: r.currency,
    totalMinor: r.total_minor === null ? null : Number(r.total_minor),
  }));
}
