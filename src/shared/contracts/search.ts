import { z } from "zod";
import type { FieldErrorCode } from "../field-error-codes.js";
import { uuid } from "./common.js";

/** The longest search text, in characters, after trimming. */
export const SEARCH_TEXT_MAX = 100;
/** At most this many results of each kind: the box shows the best few of each, not a list. */
export const SEARCH_PER_KIND = 5;

/** The header search box's request (issue 19): what the user typed, trimmed, 1 to 100 characters. */
export const siteSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(SEARCH_TEXT_MAX)
    .refine((v) => !v.includes("\u0000"), {
      message: "must not contain NUL characters",
      params: { code: "nul_character" satisfies FieldErrorCode },
    }),
});
export type SiteSearchQuery = z.infer<typeof siteSearchQuery>;

/** What the search box finds, in the order its groups are shown. */
export const SEARCH_KINDS = [
  "customer",
  "contact",
  "invoice",
  "retainer",
  "credit_note",
  "quote",
  "sales_order",
] as const;
export const searchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKind>;

/**
 * One result. `title` is the document's number or the customer's or contact's name (null: a draft, which
 * has no number yet); `subtitle` the customer's name of a document or contact, or a customer's tax id or
 * email; `path` the back-office page that opens it. Documents add their date, status and total.
 */
export const searchResult = z.object({
  kind: searchKind,
  id: uuid,
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  path: z.string(),
  date: z.string().nullable(),
  status: z.string().nullable(),
  currency: z.string().nullable(),
  totalMinor: z.number().int().nullable(),
});
export type SearchResult = z.infer<typeof searchResult>;

/** Results grouped by kind (`SEARCH_KINDS` order), best matches first within each kind. */
export const searchResponse = z.object({ results: z.array(searchResult) });
export type SearchResponse = z.infer<typeof searchResponse>;
