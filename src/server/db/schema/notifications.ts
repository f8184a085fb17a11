import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts } from "./_columns.js";

export const notifications = pgTable(
  "notifications",
  {
    id: rowId(),
    orgId: orgId(),
    type: text("type").notNull(),
    /** Parameters of the message (document number, amount…); the web app renders them per language. */
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("notifications", t),
    // The list and the bell walk (org_id, created_at, id) (issue 19, decision 066).
    index("notifications_org_created_idx").on(t.orgId, t.createdAt, t.id),
  ],
);
