import { createHash } from "node:crypto";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { ListDir, ListPage } from "../../shared/contracts/list-page.js";
import { LOCAL_SETTINGS } from "../db/client.js";
import { AppError } from "../errors/errors.js";

/*
 * Issue 19 (decision 058): the keyset pages of every back-office list. A page is ordered by one sort key
 * then the row's id (unique, so the order is total and ties never repeat or skip a row), and resumes
 * strictly beyond a position (key, id) — a row comparison an index on (org_id, key, id) seeks to, never an
 * OFFSET that reads and throws away every earlier row. `before` and `last` read the order backwards and
 * flip the rows, so the last page of 200,000 rows costs what the first does.
 *
 * Sort keys are never NULL (a list's expression coalesces a missing value to a sentinel that sorts where it
 * should), so the row comparison needs no NULL cases. The key travels in the cursor as PostgreSQL's own
 * text of it (`key::text`) and is cast back in the comparison: no precision is lost (timestamps keep their
 * microseconds, amounts are exact), and texts compare in the database's collation, as the index orders them.
 */

/** The PostgreSQL type a sort key is cast back to from its text in the cursor. */
export type KeyCast = "text" | "date" | "bigint" | "timestamptz";

/** One order of one list: its name (the query's `sort`), its key expression (never NULL) and type. */
export interface KeysetOrder {
  name: string;
  key: SQL | AnyColumn;
  cast: KeyCast;
  id: AnyColumn;
}

/** A row's place in an order. */
export interface Position {
  key: string;
  id: string;
}

/** The rows a page reads: strictly beyond `bound` (if any), in `dir`, at most `limit`. */
export interface PagePlan {
  bound: { pos: Position; op: ">" | "<" } | null;
  dir: ListDir;
  limit: number;
}

/** A row as read for a page: the item answered, and its position. */
export interface Keyed<T> {
  item: T;
  key: string;
  id: string;
}

export interface PageRequest {
  dir: ListDir;
  limit: number;
  after?: string;
  before?: string;
  last?: boolean;
}

const keyShape: Record<KeyCast, (k: string) => boolean> = {
  text: (k) => k.length <= 400,
  date: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k) && new Date(Date.parse(k) || 0).toISOString().startsWith(k),
  bigint: (k) => /^-?\d{1,18}$/.test(k),
  timestamptz: (k) => /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)?$/.test(k),
};

const payload = z.object({ s: z.string(), o: z.string(), k: z.string(), i: z.uuid() });

/** A short fingerprint of the scope (the organisation): another organisation's cursor is refused. */
const scopeTag = (scope: string) => createHash("sha256").update(scope).digest("base64url").slice(0, 10);

export function encodeCursor(sort: string, scope: string, pos: Position): string {
  return Buffer.from(JSON.stringify({ s: sort, o: scopeTag(scope), k: pos.key, i: pos.id })).toString(
    "base64url",
  );
}

/**
 * A cursor that does not decode, was made for another sort or another organisation, or whose key is not
 * of the sort's type is CURSOR_INVALID (400), with the field it came in.
 */
export function decodeCursor(
  raw: string,
  order: { name: string; cast: KeyCast },
  scope: string,
  field: string,
): Position {
  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor(field);
  }
  if (parsed.s !== order.name || parsed.o !== scopeTag(scope) || !keyShape[order.cast](parsed.k))
    throw invalidCursor(field);
  return { key: parsed.k, id: parsed.i };
}

export const invalidCursor = (field: string) =>
  new AppError("CURSOR_INVALID", [
    { field: `querystring.${field}`, message: "not a cursor of this list", code: "invalid_cursor" },
  ]);

const flip = (dir: ListDir): ListDir => (dir === "asc" ? "desc" : "asc");

/**
 * One page of an order, by `fetch` (which reads `plan.limit` rows at most, beyond `plan.bound`, in
 * `plan.dir`): the first page, the page after or before a cursor, or the last page. Reads one row more
 * than the page to know whether another page lies that way.
 */
export async function readPage<T>(
  order: { name: string; cast: KeyCast },
  scope: string,
  req: PageRequest,
  fetch: (plan: PagePlan) => Promise<Keyed<T>[]>,
): Promise<ListPage<T>> {
  const cursorOf = (r: Keyed<T>) => encodeCursor(order.name, scope, { key: r.key, id: r.id });
  const forward = req.before === undefined && !req.last;
  let bound: PagePlan["bound"] = null;
  if (req.after !== undefined)
    bound = { pos: decodeCursor(req.after, order, scope, "after"), op: req.dir === "asc" ? ">" : "<" };
  else if (req.before !== undefined)
    bound = { pos: decodeCursor(req.before, order, scope, "before"), op: req.dir === "asc" ? "<" : ">" };
  const rows = await fetch({ bound, dir: forward ? req.dir : flip(req.dir), limit: req.limit + 1 });
  const more = rows.length > req.limit;
  const shown = rows.slice(0, req.limit);
  if (!forward) shown.reverse();
  const first = shown[0];
  const last = shown.at(-1);
  const next = forward
    ? more && last
      ? cursorOf(last)
      : null
    : req.last
      ? null
      : last
        ? cursorOf(last)
        : null;
  const prev = forward
    ? req.after !== undefined && first
      ? cursorOf(first)
      : null
    : more && first
      ? cursorOf(first)
      : null;
  return { items: shown.map((r) => r.item), page: { next, prev } };
}

/** The SQL of a plan: the bound as a row comparison, the order by key then id, the key as text. */
export function keysetSql(order: KeysetOrder, plan: PagePlan) {
  const where = plan.bound
    ? sql`(${order.key}, ${order.id}) ${sql.raw(plan.bound.op)} (${plan.bound.pos.key}::${sql.raw(order.cast)}, ${plan.bound.pos.id}::uuid)`
    : undefined;
  const d = sql.raw(plan.dir);
  return {
    where,
    orderBy: [sql`${order.key} ${d}`, sql`${order.id} ${d}`],
    /** Select it as `sortKey`: the position's key, as PostgreSQL writes it. */
    sortKey: sql<string>`(${order.key})::text`,
  };
}

/**
 * Ids first (decision 062): a page's ids are chosen by one statement on the list's table alone (the walk of
 * the order's index, left after the page), and its rows read by a second, `id = any(ids)` (primary-key
 * probes), then put back in the ids' order here. In one statement (the rows joined to their customer, or
 * read by `id = any(array(subquery))` and ordered by the key) the planner, misled by row-level security's
 * filter (it expects about one row of each table), read the organisation's whole table to join or order
 * the page: every invoice of the organisation's customers, or the order's whole index.
 */
export function inPageOrder<P extends { id: string }, R>(page: P[], rows: R[], idOf: (row: R) => string) {
  const byId = new Map(rows.map((r) => [idOf(r), r]));
  return page.flatMap((p) => {
    const row = byId.get(p.id);
    return row === undefined ? [] : [{ ...p, row }];
  });
}

/**
 * Sorting off for the rest of the transaction (as the portal's page, decision 048): row-level security's
 * filter makes the planner think few rows match and rather read them all and sort than walk the order's
 * index and stop after the page. Run it before a list's page statement (its last statements).
 */
export const sortingOff = (tx: { execute: (q: SQL) => Promise<unknown> }) =>
  tx.execute(sql.raw(`${LOCAL_SETTINGS}select set_config('enable_sort', 'off', true)`));
