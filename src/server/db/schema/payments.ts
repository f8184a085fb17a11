import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, minor, orgId, ts } from "./_columns.js";

/** A contact's "Pay now": one per idempotency key, so a double click reuses the same checkout. */
export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    gateway: text("gateway").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    amountMinor: minor("amount_minor"),
    currency: text("currency").notNull(),
    /** What the provider's page shows, e.g. "Invoice F2026-0001 · Acme". */
    description: text("description").notNull(),
    status: text("status", { enum: ["open", "succeeded", "failed", "cancelled"] })
      .notNull()
      .default("open"),
    failureCode: text("failure_code"),
    completedAt: ts("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("checkout_sessions_idempotency_key").on(t.orgId, t.idempotencyKey),
    index("checkout_sessions_invoice_idx").on(t.orgId, t.invoiceId),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: id(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    amountMinor: minor("amount_minor"),
    currency: text("currency").notNull(),
    method: text("method", { enum: ["gateway", "transfer", "cash", "cheque", "other"] }).notNull(),
    gateway: text("gateway"),
    /** The provider's id of the confirmed transaction; unique so a replayed confirmation records nothing. */
    gatewayReference: text("gateway_reference"),
    paidAt: ts("paid_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payments_gateway_reference_key").on(t.orgId, t.gateway, t.gatewayReference),
    index("payments_invoice_idx").on(t.orgId, t.invoiceId),
  ],
);
