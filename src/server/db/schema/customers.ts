import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";

export const customers = pgTable(
  "customers",
  {
    id: rowId(),
    orgId: orgId(),
    kind: text("kind", { enum: ["company", "individual"] })
      .notNull()
      .default("company"),
    name: text("name").notNull(),
    legalName: text("legal_name"),
    taxId: text("tax_id"),
    email: text("email"),
    phone: text("phone"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    postalCode: text("postal_code"),
    region: text("region"),
    country: text("country"),
    currency: text("currency").notNull(),
    language: text("language"),
    paymentTermsDays: integer("payment_terms_days").notNull().default(30),
    mayPayByBank: boolean("may_pay_by_bank").notNull().default(false),
    /** The customer asked not to get payment reminders (issue 15 §3): the reminders task skips it. */
    remindersOptOut: boolean("reminders_opt_out").notNull().default(false),
    notes: text("notes"),
    /** The customer's id in the system it was imported from (decision 029): a re-import finds it by this. */
    externalId: text("external_id"),
    /**
     * DIR3 codes of a public administration buyer (issue 17 §3): Facturae's administrative centres
     * (01 oficina contable, 02 órgano gestor, 03 unidad tramitadora), emitted when set.
     */
    dir3AccountingOffice: text("dir3_accounting_office"),
    dir3ManagingBody: text("dir3_managing_body"),
    dir3ProcessingUnit: text("dir3_processing_unit"),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("customers", t),
    index("customers_org_name_idx").on(t.orgId, t.name),
    // Issue 19 (decision 058): the back-office list's keyset orders, each (org_id, key, id).
    index("customers_list_name_idx").on(t.orgId, t.name, t.id),
    index("customers_list_created_idx").on(t.orgId, t.createdAt, t.id),
    uniqueIndex("customers_external_id_key").on(t.orgId, t.externalId),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    isPrimary: boolean("is_primary").notNull().default(false),
    language: text("language"),
    /** false = access disabled by staff (D4): sessions, links and tokens stop working. */
    portalEnabled: boolean("portal_enabled").notNull().default(true),
    /** argon2id; null until the contact sets one (invitation) or staff set one (D1). */
    passwordHash: text("password_hash"),
    /** When staff enabled password access by invitation (D1/D3); null = never invited. */
    invitedAt: ts("invited_at"),
    passwordChangedAt: ts("password_changed_at"),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("contacts", t),
    index("contacts_customer_idx").on(t.orgId, t.customerId),
    index("contacts_email_idx").on(t.orgId, sql`lower(${t.email})`),
  ],
);
