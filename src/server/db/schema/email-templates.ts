import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgId, rowId, tenantPrimaryKey, updatedAt } from "./_columns.js";

/**
 * An organisation's own text for one email kind in one language (issue 16 §5, decision 046). No row is
 * the built-in template; "restore default" deletes the row. Read and written through
 * modules/email-templates and email/editable only.
 */
export const emailTemplates = pgTable(
  "email_templates",
  {
    id: rowId(),
    orgId: orgId(),
    /** A kind of the catalogue (email/editable/catalogue.ts). */
    kind: text("kind").notNull(),
    language: text("language", { enum: ["es", "en"] }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("email_templates", t),
    uniqueIndex("email_templates_org_kind_language_key").on(t.orgId, t.kind, t.language),
  ],
);
