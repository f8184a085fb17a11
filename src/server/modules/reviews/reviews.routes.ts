import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idParams,
  okResponse,
  portalReview,
  portalReviewResult,
  review,
  reviewBody,
  reviewList,
  reviewListQuery,
  slugParams,
} from "../../../shared/contracts/index.js";
import type { App, Deps } from "../../app-types.js";
import { requireStaff, staffOf } from "../../http/auth.js";
import { contactOf, requireContact } from "../../http/portal-auth.js";
import { getMyReview, getReview, listReviews, withdrawReview, writeReview } from "./reviews.service.js";

/** Reviews (E11, A15): a contact writes, edits and withdraws its own; staff read them. Always on (decision 044). */
export async function reviewRoutes(app: App, { database: { db }, mailer, config }: Deps) {
  const mail = { mailer, config };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff(db);
  const contact = requireContact(db);

  r.get(
    "/api/reviews",
    {
      onRequest: staff,
      schema: { tags: ["reviews"], querystring: reviewListQuery, response: { 200: reviewList } },
    },
    (req) => listReviews(db, staffOf(req), req.query),
  );
  r.get(
    "/api/reviews/:id",
    { onRequest: staff, schema: { tags: ["reviews"], params: idParams, response: { 200: review } } },
    (req) => getReview(db, staffOf(req), req.params.id),
  );

  const tags = ["portal"];
  r.get(
    "/api/portal/:slug/review",
    { onRequest: contact, schema: { tags, params: slugParams, response: { 200: portalReviewResult } } },
    (req) => getMyReview(db, contactOf(req)),
  );
  r.put(
    "/api/portal/:slug/review",
    {
      onRequest: contact,
      schema: { tags, params: slugParams, body: reviewBody, response: { 200: portalReview } },
    },
    (req) => writeReview(db, mail, contactOf(req), req.body),
  );
  r.delete(
    "/api/portal/:slug/review",
    { onRequest: contact, schema: { tags, params: slugParams, response: { 200: okResponse } } },
    async (req) => {
      await withdrawReview(db, contactOf(req));
      return { ok: true as const };
    },
  );
}
