import { sql } from "drizzle-orm";
import { check, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CheckoutStart } from "../../gateways/gateway.js";
import { createdAt, minor, orgId, rowId, stampedNow, tenantPrimaryKey, ts } from "./_columns.js";

export type PlannedAllocation = { invoiceId: string; amountMinor: number };

/** What the contact asked for, as the idempotency key's first request carried it (a reuse must match). */
export type CheckoutRequest =
  | { kind: "invoice"; invoiceId: string; amountMinor: number | null }
  | { kind: "all"; currency: string };

export const checkoutStatuses = ["open", "processing", "succeeded", "failed", "cancelled"] as const;

/**
 * A contact's "Pay now" for one invoice, part of one, or everything outstanding: one per idempotency key,
 * so a double click reuses the same checkout. `allocations` is the plan; the confirmation re-checks it
 * against what is still owed before recording anything.
 */
export const checkoutSessions = pgTable(
  "checkout_sessions",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    allocations: jsonb("allocations").$type<PlannedAllocation[]>().notNull(),
    /** Null on checkouts opened before it was kept. */
    request: jsonb("request").$type<CheckoutRequest>(),
    gateway: text("gateway").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    amountMinor: minor("amount_minor"),
    currency: text("currency").notNull(),
    /** What the provider's page shows, e.g. "Invoice F2026-0001 · Acme". */
    description: text("description").notNull(),
    /** "processing": the provider accepted a bank debit that settles days later (issue 13). */
    status: text("status", { enum: checkoutStatuses }).notNull().default("open"),
    failureCode: text("failure_code"),
    /** The provider's id of this checkout (Checkout Session, PayPal order, RedSys order), once started. */
    providerRef: text("provider_ref"),
    /** What the provider answered the start with, so a replayed "Pay now" sends the payer to the same place. */
    providerStart: jsonb("provider_start").$type<CheckoutStart>(),
    completedAt: ts("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("checkout_sessions", t),
    index("checkout_sessions_id_idx").on(t.id),
    uniqueIndex("checkout_sessions_idempotency_key").on(t.orgId, t.idempotencyKey),
    // A provider's reference names one checkout: RedSys order numbers are never reused (decision 027).
    uniqueIndex("checkout_sessions_provider_ref_key").on(t.orgId, t.gateway, t.providerRef),
  ],
);

export const paymentMethods = ["gateway", "transfer", "cash", "cheque", "card_terminal", "other"] as const;

/** Money received from a customer. Where it went lives in `allocations`; what went back in `refunds`. */
export const payments = pgTable(
  "payments",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    /** The receipt number, from the organisation's "RC" series. */
    number: text("number").notNull(),
    amountMinor: minor("amount_minor"),
    currency: text("currency").notNull(),
    method: text("method", { enum: paymentMethods }).notNull(),
    /** The day the money arrived, in the organisation's calendar: statements and charts use it. */
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    reference: text("reference"),
    notes: text("notes"),
    gateway: text("gateway"),
    /** The provider's id of the confirmed transaction; unique so a replayed confirmation records nothing. */
    gatewayReference: text("gateway_reference"),
    checkoutId: uuid("checkout_id"),
    /** Who paid online, or who recorded it in the back office. */
    contactId: uuid("contact_id"),
    recordedBy: uuid("recorded_by"),
    /** The API key it was recorded with (G5); `recordedBy` is then the key's creator. */
    apiKeyId: uuid("api_key_id"),
    /** The payer disputed the charge at the provider (a chargeback): staff were told (issue 13). */
    disputedAt: ts("disputed_at"),
    paidAt: stampedNow("paid_at"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("payments", t),
    uniqueIndex("payments_gateway_reference_key").on(t.orgId, t.gateway, t.gatewayReference),
    index("payments_customer_paid_on_idx").on(t.orgId, t.customerId, t.paidOn, t.id),
    // Issue 19 (decision 058): the back-office list's keyset orders, each (org_id, key, id).
    index("payments_list_date_idx").on(t.orgId, t.paidOn, t.id),
    index("payments_list_amount_idx").on(t.orgId, t.amountMinor, t.id),
  ],
);

/**
 * Where a customer's money or credit went: from a payment, or from a credit note or a retainer invoice
 * (`source_invoice_id`), to an invoice (a retainer invoice too, for payments). A refund that takes money
 * back off an invoice writes a negative row naming the refund. Rows are never updated.
 */
export const allocations = pgTable(
  "allocations",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    paymentId: uuid("payment_id"),
    sourceInvoiceId: uuid("source_invoice_id"),
    invoiceId: uuid("invoice_id").notNull(),
    amountMinor: minor("amount_minor"),
    refundId: uuid("refund_id"),
    appliedOn: date("applied_on", { mode: "string" }).notNull(),
    createdBy: uuid("created_by"),
    /** The API key it was made with (G5); `createdBy` is then the key's creator. */
    apiKeyId: uuid("api_key_id"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("allocations", t),
    index("allocations_invoice_idx").on(t.orgId, t.invoiceId),
    index("allocations_payment_idx").on(t.orgId, t.paymentId),
    index("allocations_source_idx").on(t.orgId, t.sourceInvoiceId),
    // A customer's allocated payments (`ledger/balances.ts`: unapplied payments are credit), issue 14.
    index("allocations_customer_idx").on(t.orgId, t.customerId),
    check("allocations_one_source", sql`(${t.paymentId} is null) <> (${t.sourceInvoiceId} is null)`),
  ],
);

/** Money given back: of a payment, of a credit note's credit or of a retainer balance. */
export const refunds = pgTable(
  "refunds",
  {
    id: rowId(),
    orgId: orgId(),
    customerId: uuid("customer_id").notNull(),
    paymentId: uuid("payment_id"),
    sourceInvoiceId: uuid("source_invoice_id"),
    amountMinor: minor("amount_minor"),
    currency: text("currency").notNull(),
    method: text("method", { enum: paymentMethods }).notNull(),
    refundedOn: date("refunded_on", { mode: "string" }).notNull(),
    reference: text("reference"),
    notes: text("notes"),
    /** A refund through the provider (A10) is "pending" until it answers; a failed one is taken back. */
    status: text("status", { enum: ["pending", "succeeded"] })
      .notNull()
      .default("succeeded"),
    /** The provider's id of an online refund. */
    gatewayReference: text("gateway_reference"),
    createdBy: uuid("created_by"),
    /** The API key it was made with (G5); `createdBy` is then the key's creator. */
    apiKeyId: uuid("api_key_id"),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("refunds", t),
    index("refunds_customer_idx").on(t.orgId, t.customerId, t.refundedOn),
    index("refunds_payment_idx").on(t.orgId, t.paymentId),
    index("refunds_source_idx").on(t.orgId, t.sourceInvoiceId),
    check("refunds_one_source", sql`(${t.paymentId} is null) <> (${t.sourceInvoiceId} is null)`),
    check("refunds_positive", sql`${t.amountMinor} > 0`),
  ],
);
