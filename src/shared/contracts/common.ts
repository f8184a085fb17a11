import { z } from "zod";
import { isDateInRange, MAX_DATE, MIN_DATE } from "../dates.js";
import type { FieldErrorCode } from "../field-error-codes.js";
import { isSupportedCurrency } from "../money/currency.js";

export const uuid = z.uuid();
export const language = z.enum(["es", "en"]);
export type Language = z.infer<typeof language>;
/** The largest amount, in minor units, that anything (an input or a computed total) may have. */
export const MAX_AMOUNT_MINOR = 1e15;
/** Integer minor units (cents); never a float, and never beyond ±MAX_AMOUNT_MINOR. */
export const minorAmount = z
  .number()
  .int()
  .min(-MAX_AMOUNT_MINOR, "amount too large")
  .max(MAX_AMOUNT_MINOR, "amount too large");
/** One of the currencies the product formats and prints (src/shared/money/currency.ts). */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "use a 3-letter ISO 4217 code")
  .refine(isSupportedCurrency, {
    message: "this currency is not supported",
    params: { code: "unsupported_currency" satisfies FieldErrorCode },
  });
/** A calendar date between MIN_DATE and MAX_DATE (src/shared/dates.ts). */
export const isoDate = z.iso.date().refine(isDateInRange, {
  message: `use a date between ${MIN_DATE} and ${MAX_DATE}`,
  params: { code: "date_out_of_range" satisfies FieldErrorCode, minimum: MIN_DATE, maximum: MAX_DATE },
});

const hasNoNul = (v: string) => !v.includes("\u0000");
const noNul = {
  message: "must not contain NUL characters",
  params: { code: "nul_character" satisfies FieldErrorCode },
};
/**
 * The one schema of text a person types: bounded, and without NUL characters (PostgreSQL cannot store
 * them). Every text field, search term and free-form parameter is built on it.
 */
export const text = (max: number) => z.string().max(max).refine(hasNoNul, noNul);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(hasNoNul, noNul)
    .nullish()
    .transform((v) => v || null);
export const requiredText = (max: number) =>
  z.string().trim().min(1, "required").max(max).refine(hasNoNul, noNul);
/** A list's search term. */
export const searchQuery = text(200).optional();
export const email = z
  .email("enter a valid email address")
  .max(254)
  .transform((v) => v.toLowerCase());
export const idParams = z.object({ id: uuid });

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  cause: z.string().optional(),
  remedy: z.string().optional(),
  /** Issue-date refusals (ISSUE_DATE_*, DUE_DATE_BEFORE_ISSUE): the dates a client offers a retry with. */
  issueDate: z.string().optional(),
  lastIssueDate: z.string().optional(),
  dueDate: z.string().optional(),
  today: z.string().optional(),
  /** SLOT_TAKEN (appointments): the start instants still free around the refused one. */
  freeSlots: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problem>;
export const okResponse = z.object({ ok: z.literal(true) });
