import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { INVOICE_STATUSES } from "../../../shared/contracts/statuses.js";
import { createdAt, minor, orgId, rowId, tenantPrimaryKey, ts, updatedAt } from "./_columns.js";
import * as doc from "./_document-columns.js";

export const numberSeries = pgTable(
  "number_series",
  {
    id: rowId(),
    orgId: orgId(),
    documentType: text("document_type", {
      enum: ["invoice", "quote", "sales_order", "credit_note", "retainer", "receipt"],
    }).notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey("number_series", t),
    uniqueIndex("number_series_prefix_key").on(t.orgId, t.documentType, t.prefix),
  ],
);

/** One row per series and year; incremented in the issuing transaction, so numbers are gap-free. */
export const numberCounters = pgTable(
  "number_counters",
  {
    orgId: orgId(),
    seriesId: uuid("series_id").notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.seriesId, t.year] })],
);

/** Every invoice status is stored ("closed": a credit note whose credit was all applied or refunded). */
export const invoiceStatuses = INVOICE_STATUSES;

/**
 * One table for the three billed documents, like an accounting "move": they share lines, taxes, numbering,
 * sending and PDFs. An invoice is owed; a retainer invoice asks for an advance whose payments become the
 * customer's retainer balance; a credit note is credit the customer holds (decision 011).
 */
export const invoiceKinds = ["invoice", "retainer", "credit_note"] as const;

/** One rectified invoice as a rectifying invoice stores it (decision 051). */
export type StoredRectifiedInvoice = {
  invoiceId: string;
  number: string;
  issueDate: string;
  baseMinor: number | null;
  taxMinor: number | null;
  /** By substitution: how many of the rectifying invoice's first lines copy this invoice's lines. */
  copiedLines: number;
};

export const invoices = pgTable(
  "invoices",
  {
    ...doc.customerRow(),
    kind: text("kind", { enum: invoiceKinds }).notNull().default("invoice"),
    /** A credit note's corrected invoice, if any. */
    correctsInvoiceId: uuid("corrects_invoice_id"),
    seriesId: uuid("series_id").notNull(),
    ...doc.documentNumber(),
    status: text("status", { enum: invoiceStatuses }).notNull().default("draft"),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }),
    currency: text("currency").notNull(),
    ...doc.documentText(),
    allowPartialPayments: boolean("allow_partial_payments").notNull().default(false),
    /** The gateways offered, copied from the organisation's enabled gateways when the invoice is created. */
    gateways: text("gateways").array().notNull().default([]),
    ...doc.documentTotals(),
    /** Derived (ledger/refresh-document.ts): what allocations brought to it (invoices, retainers). */
    paidMinor: minor("paid_minor"),
    /** Derived: how much of a credit note's credit or a retainer's balance was applied or refunded. */
    usedMinor: minor("used_minor"),
    /** Frozen at issue: what the customer was billed, whatever later edits to customers or taxes. */
    taxBreakdown: doc.taxBreakdown(),
    customerSnapshot: doc.customerSnapshot(),
    /** The accepted quote this invoice was converted from, if any. */
    quoteId: uuid("quote_id"),
    /** The sales order this invoice (partly) fulfils, if any; its lines name the order lines. */
    salesOrderId: uuid("sales_order_id"),
    /** The recurring profile that made it (null once that profile is deleted) and the occurrence's date. */
    recurringProfileId: uuid("recurring_profile_id"),
    recurringOccurrenceDate: date("recurring_occurrence_date", { mode: "string" }),
    /**
     * A Spanish rectifying invoice (a credit note of an organisation in Spain; issue 17 §2, decision 051):
     * its type R1–R5, method, reason and the invoices it rectifies (number and date frozen; by
     * substitution also the rectified base and tax, and how many of its lines copy the rectified one's).
     * All null for other documents and for credit notes of organisations outside Spain.
     */
    rectificationType: text("rectification_type", { enum: ["R1", "R2", "R3", "R4", "R5"] }),
    rectificationMethod: text("rectification_method", { enum: ["difference", "substitution"] }),
    rectificationReason: text("rectification_reason"),
    rectifiedInvoices: jsonb("rectified_invoices").$type<StoredRectifiedInvoice[]>(),
    issuedAt: ts("issued_at"),
    sentAt: ts("sent_at"),
    viewedAt: ts("viewed_at"),
    paidAt: ts("paid_at"),
    voidedAt: ts("voided_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantPrimaryKey("invoices", t),
    index("invoices_customer_idx").on(t.orgId, t.customerId),
    index("invoices_customer_kind_issue_idx").on(t.orgId, t.customerId, t.kind, t.issueDate, t.id),
    uniqueIndex("invoices_number_key").on(t.orgId, t.seriesId, t.year, t.sequence),
    uniqueIndex("invoices_quote_key").on(t.orgId, t.quoteId),
    index("invoices_sales_order_idx").on(t.orgId, t.salesOrderId),
    // One invoice per occurrence of a profile, however often or concurrently the tick runs (decision 037).
    uniqueIndex("invoices_recurring_key").on(t.orgId, t.recurringProfileId, t.recurringOccurrenceDate),
    // Issue 14 (decision 032): what a customer still owes (`ledger/open-invoices.ts` without a day): the
    // home's outstanding and overdue, pay everything, apply credit. Only owing invoices are in it, so it
    // does not grow with the invoices already paid.
    // The columns after the due date are what the sums read (decision 047): the home's figures and the
    // gateways of what is owed are index-only scans, without a visit to the invoices' rows.
    index("invoices_open_idx")
      .on(
        t.orgId,
        t.customerId,
        t.currency,
        t.dueDate,
        t.kind,
        t.status,
        t.totalMinor,
        t.paidMinor,
        t.gateways,
      )
      .where(
        sql`${t.kind} = 'invoice' and ${t.status} not in ('draft', 'void') and ${t.paidMinor} < ${t.totalMinor}`,
      ),
    // The portal invoice list's default order (newest issued first), with the kind it filters on: its
    // first page's ids are the first 26 entries (`portal/invoice-list.queries.ts`), read from the index alone.
    // Issue 14 (decision 047): a customer's retainers and credit notes with what the home sums of them
    // (`ledger/balances.ts`), read from the index alone, in currency order.
    index("invoices_credit_idx")
      .on(t.orgId, t.customerId, t.currency, t.kind, t.status, t.totalMinor, t.paidMinor, t.usedMinor)
      .where(sql`${t.kind} in ('retainer', 'credit_note') and ${t.status} not in ('draft', 'void')`),
    // The search box (issue 19, decision 059): a number's prefix and its sequence, both usable under RLS.
    index("invoices_number_prefix_idx").on(t.orgId, t.number.op("text_pattern_ops")),
    index("invoices_sequence_idx").on(t.orgId, t.sequence),
    index("invoices_listed_issue_idx")
      .on(t.orgId, t.customerId, t.issueDate, t.id, t.kind)
      .where(sql`${t.status} <> 'draft'`),
    // Issue 19 (decision 058): the back-office list's keyset orders, each (org_id, key, id).
    index("invoices_list_date_idx").on(t.orgId, t.issueDate, t.id),
    index("invoices_list_number_idx").on(t.orgId, sql`coalesce(${t.number}, '')`, t.id),
    index("invoices_list_customer_idx").on(
      t.orgId,
      sql`coalesce(${t.customerSnapshot} ->> 'name', '')`,
      t.id,
    ),
    index("invoices_list_amount_idx").on(t.orgId, t.totalMinor, t.id),
    index("invoices_list_status_idx").on(t.orgId, t.status, t.id),
    index("invoices_list_due_idx").on(t.orgId, sql`coalesce(${t.dueDate}, '9999-12-31'::date)`, t.id),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    ...doc.customerRow(),
    invoiceId: uuid("invoice_id").notNull(),
    /** The sales order line this line bills (its quantity is how much of it). */
    salesOrderLineId: uuid("sales_order_line_id"),
    ...doc.lineText(),
    ...doc.lineAmounts(),
  },
  (t) => [
    tenantPrimaryKey("invoice_lines", t),
    index("invoice_lines_invoice_idx").on(t.invoiceId, t.position),
    index("invoice_lines_sales_order_line_idx").on(t.orgId, t.salesOrderLineId),
  ],
);
