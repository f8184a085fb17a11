import { sql } from "drizzle-orm";
import { index, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";

/**
 * A contact's review of the organisation (E11, A15). Editing rewrites the current row; withdrawing stamps
 * `withdrawn_at`, and a later review is a new row: one current review per contact (partial unique index).
 * Who may read or write which row is decided by the policies of the reviews security migration.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    rating: smallint("rating").notNull(),
    body: text("body").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    withdrawnAt: ts("withdrawn_at"),
  },
  (t) => [
    tenantPrimaryKey("reviews", t),
    uniqueIndex("reviews_current_contact_key").on(t.orgId, t.contactId).where(sql`withdrawn_at is null`),
    index("reviews_org_created_idx").on(t.orgId, t.createdAt),
    index("reviews_customer_idx").on(t.orgId, t.customerId),
    // The back-office list's orders over current reviews (issue 19): newest, rating.
    index("reviews_list_updated_idx").on(t.orgId, t.updatedAt, t.id).where(sql`withdrawn_at is null`),
    index("reviews_list_rating_idx").on(t.orgId, t.rating, t.id).where(sql`withdrawn_at is null`),
  ],
);
