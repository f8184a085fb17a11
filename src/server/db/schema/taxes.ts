import { sql } from "drizzle-orm";
import { boolean, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts } from "./_columns.js";

export const taxes = pgTable(
  "taxes",
  {
    id: rowId(),
    orgId: orgId(),
    name: text("name").notNull(),
    /** Percent × 100: 2100 = 21 %, −1500 = a 15 % withholding. */
    rateBp: integer("rate_bp").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    archivedAt: ts("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("taxes", t),
    uniqueIndex("taxes_one_default").on(t.orgId).where(sql`${t.isDefault}`),
  ],
);
