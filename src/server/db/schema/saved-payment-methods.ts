import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgId, rowId, tenantPrimaryKey } from "./_columns.js";

/**
 * E12: a card or mandate a contact chose to save at a provider, as the provider's ids and a label
 * ("Visa ····4242"); the card itself never reaches Portico. Per customer under row-level security, like the
 * other portal tables; each contact sees and manages its own, one of them the default.
 */
export const savedPaymentMethods = pgTable(
  "saved_payment_methods",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    gateway: text("gateway").notNull(),
    providerCustomerId: text("provider_customer_id").notNull(),
    providerMethodId: text("provider_method_id").notNull(),
    label: text("label").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("saved_payment_methods", t),
    uniqueIndex("saved_payment_methods_provider_key").on(t.orgId, t.gateway, t.providerMethodId),
    index("saved_payment_methods_contact_idx").on(t.orgId, t.contactId),
  ],
);
