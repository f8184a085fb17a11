import { z } from "zod";
import type { FieldErrorCode } from "../field-error-codes.js";
import { uuid } from "./common.js";
import { listPage, listQuery } from "./list-page.js";

/** The longest review text, in characters (the database checks the same). */
export const REVIEW_TEXT_MAX = 2000;

/** A review's stars: a whole number from 1 to 5. */
export const reviewRating = z.number().int().min(1).max(5);

/** What a contact writes (E11): stars and an optional text; writing again edits the current review. */
export const reviewBody = z.object({
  rating: reviewRating,
  body: z
    .string()
    .trim()
    .max(REVIEW_TEXT_MAX)
    .refine((v) => !v.includes("\u0000"), {
      message: "must not contain NUL characters",
      params: { code: "nul_character" satisfies FieldErrorCode },
    })
    .default(""),
});
export type ReviewBody = z.input<typeof reviewBody>;

/** The contact's own current review, or none. */
export const portalReview = z.object({
  id: uuid,
  rating: reviewRating,
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PortalReview = z.infer<typeof portalReview>;
export const portalReviewResult = z.object({ review: portalReview.nullable() });
export type PortalReviewResult = z.infer<typeof portalReviewResult>;

/** A review as staff see it (A15). */
export const review = portalReview.extend({
  customerId: uuid,
  customerName: z.string(),
  contactId: uuid,
  contactName: z.string(),
  /** Set when the contact withdrew it: lists show current reviews only, a link to one still opens. */
  withdrawnAt: z.string().nullable(),
});
export type Review = z.infer<typeof review>;

/** The back-office list (issue 19, decision 058): newest first, or by rating; by stars and customer. */
export const reviewListSort = z.enum(["newest", "rating"]);
export const reviewListQuery = listQuery(
  { rating: z.coerce.number().int().min(1).max(5).optional(), customerId: uuid.optional() },
  reviewListSort,
);
export type ReviewListQuery = z.output<typeof reviewListQuery>;

/**
 * A keyset page of current reviews; the figures (the list's totals) are of every current review of the
 * customer filter (not the rating filter), so a rating filter does not change the average it is read against.
 */
export const reviewList = listPage(review).extend({
  /** Average stars to two decimals as a string ("4.25"), null without reviews. */
  average: z.string().nullable(),
  count: z.number().int(),
  /** How many current reviews give each number of stars, 1 to 5. */
  histogram: z.array(z.number().int()).length(5),
});
export type ReviewList = z.infer<typeof reviewList>;
