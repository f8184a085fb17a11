import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type {
  PortalReview,
  PortalReviewResult,
  Review,
  ReviewList,
  ReviewListQuery,
} from "../../../shared/contracts/index.js";
import { truncateText } from "../../../shared/text.js";
import * as clock from "../../clock.js";
import type { Db, Tx } from "../../db/client.js";
import { contacts, customers, reviews } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type KeysetOrder, keysetSql, readPage } from "../../lists/keyset.js";
import type { StaffPrincipal } from "../auth/auth.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { notify } from "../notifications/notifications.service.js";
import type { StaffMail } from "../notifications/staff-email.js";

type ReviewRow = typeof reviews.$inferSelect;

const toPortalReview = (r: ReviewRow): PortalReview => ({
  id: r.id,
  rating: r.rating,
  body: r.body,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const current = isNull(reviews.withdrawnAt);
const ofContact = (p: ContactPrincipal) => and(eq(reviews.contactId, p.contactId), current);

/** The contact's own current review (E11), or null. */
export function getMyReview(db: Db, p: ContactPrincipal): Promise<PortalReviewResult> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const [row] = await tx.select().from(reviews).where(ofContact(p));
    return { review: row ? toPortalReview(row) : null };
  });
}

/**
 * Writes the contact's review, or edits its current one (one current review per contact: the partial
 * unique index decides between two racing first reviews). Staff are notified both times (A13).
 */
export async function writeReview(
  db: Db,
  mail: StaffMail,
  p: ContactPrincipal,
  input: { rating: number; body: string },
): Promise<PortalReview> {
  const result = await withContact(db, p.orgId, p.customerId, async (tx) => {
    const [existing] = await tx.select({ id: reviews.id }).from(reviews).where(ofContact(p)).for("update");
    const now = clock.now();
    const [row] = existing
      ? await tx
          .update(reviews)
          .set({ rating: input.rating, body: input.body, updatedAt: now })
          .where(eq(reviews.id, existing.id))
          .returning()
      : await tx
          .insert(reviews)
          .values({ orgId: p.orgId, customerId: p.customerId, contactId: p.contactId, ...input })
          .onConflictDoUpdate({
            target: [reviews.orgId, reviews.contactId],
            targetWhere: sql`withdrawn_at is null`,
            set: { rating: input.rating, body: input.body, updatedAt: now },
          })
          .returning();
    if (!row) throw new AppError("INTERNAL");
    const [who] = await tx
      .select({ contactName: contacts.name, customerName: customers.name })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(eq(contacts.id, p.contactId));
    await notify(tx, mail, p.orgId, "review_written", {
      reviewId: row.id,
      customerId: p.customerId,
      customerName: who?.customerName ?? "",
      contactName: who?.contactName ?? "",
      rating: row.rating,
      excerpt: truncateText(row.body, 140),
      edited: existing ? 1 : 0,
    });
    return toPortalReview(row);
  });
  void mail.mailer.deliverQueued();
  return result;
}

/** Withdraws the contact's current review; a later review starts afresh. None to withdraw: 404. */
export function withdrawReview(db: Db, p: ContactPrincipal): Promise<void> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const rows = await tx
      .update(reviews)
      .set({ withdrawnAt: clock.now() })
      .where(ofContact(p))
      .returning({ id: reviews.id });
    if (rows.length === 0) throw new AppError("NOT_FOUND");
  });
}

const reviewColumns = {
  r: reviews,
  customerName: customers.name,
  contactName: contacts.name,
};

const toReview = (x: { r: ReviewRow; customerName: string; contactName: string }): Review => ({
  ...toPortalReview(x.r),
  customerId: x.r.customerId,
  customerName: x.customerName,
  contactId: x.r.contactId,
  contactName: x.contactName,
  withdrawnAt: x.r.withdrawnAt?.toISOString() ?? null,
});

function selectReviews(tx: Tx, where: SQL | undefined) {
  return tx
    .select(reviewColumns)
    .from(reviews)
    .innerJoin(customers, eq(customers.id, reviews.customerId))
    .innerJoin(contacts, eq(contacts.id, reviews.contactId))
    .where(where)
    .orderBy(desc(reviews.updatedAt), desc(reviews.id));
}

/** The orders of the staff's review list (issue 19, decision 058), each served by (org_id, key, id). */
const reviewOrders: Record<ReviewListQuery["sort"], KeysetOrder> = {
  newest: { name: "newest", key: reviews.updatedAt, cast: "timestamptz", id: reviews.id },
  rating: { name: "rating", key: reviews.rating, cast: "bigint", id: reviews.id },
};

/**
 * Staff's list of current reviews (A15), a keyset page newest first (or by rating), filtered by stars
 * and customer; the figures (average, count, stars histogram) are of every current review of the
 * customer filter, so a rating filter does not change the average it is read against.
 */
export function listReviews(db: Db, staff: StaffPrincipal, query: ReviewListQuery): Promise<ReviewList> {
  return withOrg(db, staff.orgId, async (tx) => {
    if (query.customerId) await loadCustomerRecord(tx, query.customerId);
    const scope = and(
      eq(reviews.orgId, staff.orgId),
      current,
      query.customerId ? eq(reviews.customerId, query.customerId) : undefined,
    );
    const order = reviewOrders[query.sort];
    const page = await readPage(order, staff.orgId, query, async (plan) => {
      const ks = keysetSql(order, plan);
      const rows = await tx
        .select({ ...reviewColumns, sortKey: ks.sortKey })
        .from(reviews)
        .innerJoin(customers, eq(customers.id, reviews.customerId))
        .innerJoin(contacts, eq(contacts.id, reviews.contactId))
        .where(and(scope, query.rating ? eq(reviews.rating, query.rating) : undefined, ks.where))
        .orderBy(...ks.orderBy)
        .limit(plan.limit);
      return rows.map((r) => ({ item: toReview(r), key: r.sortKey, id: r.r.id }));
    });
    const stats = await tx
      .select({ rating: reviews.rating, n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(scope)
      .groupBy(reviews.rating);
    const histogram = [1, 2, 3, 4, 5].map((stars) => stats.find((s) => s.rating === stars)?.n ?? 0);
    const count = histogram.reduce((a, b) => a + b, 0);
    const total = histogram.reduce((a, n, i) => a + n * (i + 1), 0);
    return { ...page, average: averageOf(total, count), count, histogram };
  });
}

/** `total / count` to two decimals, rounded half up, in integer arithmetic (no float touches it). */
export function averageOf(total: number, count: number): string | null {
  if (count === 0) return null;
  const hundredths = Math.floor((total * 200 + count) / (2 * count));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

/** One review as staff see it (current or withdrawn); another organisation's answers 404. */
export function getReview(db: Db, staff: StaffPrincipal, id: string): Promise<Review> {
  return withOrg(db, staff.orgId, async (tx) => {
    const [row] = await selectReviews(tx, eq(reviews.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return toReview(row);
  });
}
