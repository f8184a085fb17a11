import { z } from "zod";
import { daysBetween } from "../dates.js";
import type { FieldErrorCode } from "../field-error-codes.js";
import { currencyCode, isoDate, text } from "./common.js";

/*
 * Issue 19: the one shape of every back-office list (decision 058). A list is read a page at a time by
 * keyset: `sort` + `dir` name the order (the row's id breaks ties, so the order is total), `after` /
 * `before` are the opaque cursors a page answered (`page.next` / `page.prev`), `last=true` reads the last
 * page of the order. The totals of the whole filtered set come from a sibling route (`…/totals`) taking
 * the same filters, so a page stays as cheap for 200,000 rows as for 2,000.
 */

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;
/** A cursor is a short base64url text; anything longer is not one of ours. */
export const LIST_CURSOR_MAX = 512;
/** The longest `from`..`to` date range a list filter takes: ten years of days, leap days included. */
export const LIST_RANGE_MAX_DAYS = 3653;

export const listDir = z.enum(["asc", "desc"]);
export type ListDir = z.infer<typeof listDir>;

const cursor = text(LIST_CURSOR_MAX).min(1);

/** The paging part of every list query (`sort` is each list's own enum; see `listQuery`). */
export const pagingShape = {
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  /** `page.next` of the page before, as answered; opaque. */
  after: cursor.optional(),
  /** `page.prev` of the page after, as answered; opaque. */
  before: cursor.optional(),
  /** "true": the last page of the order (then neither `after` nor `before`). */
  last: z.stringbool().optional(),
};

/** A date range filter (`from`/`to`, both included): the document's issue date, a payment's date. */
export const dateRangeShape = { from: isoDate.optional(), to: isoDate.optional() };
/** A currency filter: rows in this currency only. */
export const currencyFilter = currencyCode.optional();

type Paging = { after?: string; before?: string; last?: boolean };
type Range = { from?: string; to?: string };

/** At most one of `after`, `before`, `last`. */
export function pagingProblems(q: Paging, ctx: z.RefinementCtx): void {
  const given = (["after", "before", "last"] as const).filter((k) => q[k] !== undefined && q[k] !== false);
  if (given.length > 1)
    ctx.addIssue({
      code: "custom",
      message: `use only one of ${given.join(", ")}`,
      path: [given[1] as string],
      params: { code: "not_allowed" satisfies FieldErrorCode },
    });
}

/** `from` not after `to`, and at most LIST_RANGE_MAX_DAYS apart. */
export function rangeProblems(q: Range, ctx: z.RefinementCtx): void {
  if (!q.from || !q.to) return;
  if (q.from > q.to)
    ctx.addIssue({
      code: "custom",
      message: "from is after to",
      path: ["from"],
      params: { code: "range_reversed" satisfies FieldErrorCode },
    });
  else if (daysBetween(q.from, q.to) > LIST_RANGE_MAX_DAYS)
    ctx.addIssue({
      code: "custom",
      message: `at most ${LIST_RANGE_MAX_DAYS} days`,
      path: ["from"],
      params: { code: "range_too_long" satisfies FieldErrorCode, maximumDays: LIST_RANGE_MAX_DAYS },
    });
}

/**
 * A list's query: its filters, its sorts (the first given is the default), the default direction, and
 * the paging parameters, checked together (one cursor at most; a date range in order and bounded).
 */
export function listQuery<F extends z.ZodRawShape, S extends z.ZodEnum>(
  filters: F,
  sorts: S,
  defaultDir: ListDir = "desc",
) {
  return z
    .object({
      ...filters,
      sort: sorts.default(sorts.options[0] as never),
      dir: listDir.default(defaultDir),
      ...pagingShape,
    })
    .superRefine((q, ctx) => {
      pagingProblems(q as Paging, ctx);
      rangeProblems(q as Range, ctx);
    });
}

/** The same filters without sort or paging: the query of a list's `…/totals` route. */
export function totalsQuery<F extends z.ZodRawShape>(filters: F) {
  return z.object(filters).superRefine((q, ctx) => rangeProblems(q as Range, ctx));
}

/** Where a page sits in its order: the cursors of the pages either side, null at either end. */
export const pageLinks = z.object({
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
  /** Pass as `before` for the previous page; null on the first page. */
  prev: z.string().nullable(),
});
export type PageLinks = z.infer<typeof pageLinks>;

/** The answer of every back-office list: `{ items, page: { next, prev } }`. */
export const listPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: pageLinks });
export type ListPage<T> = { items: T[]; page: PageLinks };

/** One currency's sums over the whole filtered set, exact minor units. */
export const currencyTotal = z.object({
  currency: z.string(),
  /** The sum of the amount column (a document's total, a payment's amount). */
  amountMinor: z.number().int(),
  /** What is still owed (invoices only). */
  dueMinor: z.number().int().optional(),
});
export type CurrencyTotal = z.infer<typeof currencyTotal>;

/** The answer of a list's `…/totals` route: how many rows match, and their sums per currency. */
export const listTotals = z.object({
  count: z.number().int(),
  totals: z.array(currencyTotal),
});
export type ListTotals = z.infer<typeof listTotals>;
