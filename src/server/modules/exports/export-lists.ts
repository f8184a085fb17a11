import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import {
  customerListFilters,
  customerListSort,
  invoiceListFilters,
  invoiceListSort,
  type ListDir,
  listDir,
  paymentListFilters,
  paymentListSort,
  quoteListFilters,
  quoteListSort,
  rangeProblems,
  salesOrderListFilters,
  salesOrderListSort,
} from "../../../shared/contracts/index.js";
import { customers } from "../../db/schema/index.js";
import type { KeysetOrder } from "../../lists/keyset.js";
import { customerListWhere, customerOrders } from "../customers/customers.service.js";
import { dueSql } from "../documents/document-facts.js";
import { invoiceListWhere, invoiceOrders } from "../invoices/invoices.service.js";
import { paymentListWhere, paymentOrders } from "../payments/payments.service.js";
import { quoteListWhere, quoteOrders } from "../quotes/quotes.service.js";
import { salesOrderListWhere, salesOrderOrders } from "../sales-orders/sales-orders.service.js";
import type { ExportColumn } from "./export-writer.js";

/*
 * The lists that export (issue 19, decision 059): each one's filters and orders as its list route takes
 * them (the contract's schemas), the SQL of every matching row in that order (the row's id breaking ties,
 * as the keyset pages do) and the columns of the file. Everything is read in the organisation's scope:
 * row-level security applies to the cursor as to any query. The filtered set and the order are the list's
 * own (`invoiceListWhere` & co, `invoiceOrders` & co: one definition each), so the tables are named, not
 * aliased, as those conditions name them.
 */

export const exportFormat = z.enum(["csv", "xlsx"]);

/** A list's export query: its filters, its sort and direction, and the format; paging is not taken. */
const exportQuery = <F extends z.ZodRawShape, S extends z.ZodEnum>(filters: F, sorts: S, dir: ListDir) =>
  z
    .object({
      ...filters,
      sort: sorts.default(sorts.options[0] as never),
      dir: listDir.default(dir),
      format: exportFormat.default("csv"),
    })
    .superRefine((q, ctx) => rangeProblems(q as { from?: string; to?: string }, ctx));

export const invoiceExportQuery = exportQuery(invoiceListFilters, invoiceListSort, "desc");
export type InvoiceExportQuery = z.output<typeof invoiceExportQuery>;
export const customerExportQuery = exportQuery(customerListFilters, customerListSort, "asc");
export type CustomerExportQuery = z.output<typeof customerExportQuery>;
export const quoteExportQuery = exportQuery(quoteListFilters, quoteListSort, "desc");
export type QuoteExportQuery = z.output<typeof quoteExportQuery>;
export const salesOrderExportQuery = exportQuery(salesOrderListFilters, salesOrderListSort, "desc");
export type SalesOrderExportQuery = z.output<typeof salesOrderExportQuery>;
export const paymentExportQuery = exportQuery(paymentListFilters, paymentListSort, "desc");
export type PaymentExportQuery = z.output<typeof paymentExportQuery>;

/** What an export reads: the matching rows (for the count) and the same rows in the list's order. */
export interface ExportSource<R> {
  /** The list's name: the file's name and its sheet. */
  list: string;
  columns: ExportColumn<R>[];
  from: SQL;
  select: SQL;
  orderBy: SQL;
}

/** The list's order (its key, then the id, as the keyset pages read it) in `dir`. */
const ordered = (order: KeysetOrder, dir: ListDir) =>
  dir === "asc" ? sql`${order.key} asc, ${order.id} asc` : sql`${order.key} desc, ${order.id} desc`;

export type InvoiceExportRow = {
  number: string | null;
  kind: string;
  status: string;
  customer_name: string;
  issue_date: string;
  due_date: string | null;
  currency: string;
  total_minor: string | number;
  paid_minor: string | number;
  due_minor: string | number;
};

const h = (en: string, es: string) => ({ en, es });
const minor = (v: string | number | null) => (v === null ? null : Number(v));

export function invoiceExport(
  orgId: string,
  q: InvoiceExportQuery,
  today: string,
): ExportSource<InvoiceExportRow> {
  return {
    list: "invoices",
    from: sql`from invoices join ${customers} on customers.id = invoices.customer_id
      where ${invoiceListWhere(orgId, q, today)}`,
    select: sql`select invoices.number, invoices.kind, invoices.status, customers.name as customer_name,
      invoices.issue_date::text as issue_date, invoices.due_date::text as due_date, invoices.currency,
      invoices.total_minor, invoices.paid_minor, ${dueSql()} as due_minor`,
    orderBy: ordered(invoiceOrders[q.sort], q.dir),
    columns: [
      { header: h("Number", "Número"), type: "text", value: (r) => r.number, width: 16 },
      { header: h("Type", "Tipo"), type: "text", value: (r) => r.kind, width: 12 },
      { header: h("Status", "Estado"), type: "text", value: (r) => r.status, width: 12 },
      { header: h("Customer", "Cliente"), type: "text", value: (r) => r.customer_name, width: 32 },
      { header: h("Issue date", "Fecha de emisión"), type: "date", value: (r) => r.issue_date },
      { header: h("Due date", "Vencimiento"), type: "date", value: (r) => r.due_date },
      { header: h("Currency", "Moneda"), type: "text", value: (r) => r.currency, width: 9 },
      {
        header: h("Total", "Total"),
        type: "money",
        value: (r) => minor(r.total_minor),
        currency: (r) => r.currency,
      },
      {
        header: h("Paid", "Cobrado"),
        type: "money",
        value: (r) => minor(r.paid_minor),
        currency: (r) => r.currency,
      },
      {
        header: h("Due", "Pendiente"),
        type: "money",
        value: (r) => minor(r.due_minor),
        currency: (r) => r.currency,
      },
    ],
  };
}

export type CustomerExportRow = {
  name: string;
  legal_name: string | null;
  tax_id: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  currency: string;
  archived_on: string | null;
};

export function customerExport(orgId: string, q: CustomerExportQuery): ExportSource<CustomerExportRow> {
  return {
    list: "customers",
    from: sql`from ${customers} where ${customerListWhere(orgId, q)}`,
    select: sql`select customers.name, customers.legal_name, customers.tax_id, customers.email, customers.phone,
      customers.city, customers.country, customers.currency,
      (customers.deleted_at at time zone 'UTC')::date::text as archived_on`,
    orderBy: ordered(customerOrders[q.sort], q.dir),
    columns: [
      { header: h("Name", "Nombre"), type: "text", value: (r) => r.name, width: 32 },
      { header: h("Legal name", "Razón social"), type: "text", value: (r) => r.legal_name, width: 32 },
      { header: h("Tax ID", "NIF"), type: "text", value: (r) => r.tax_id, width: 14 },
      { header: h("Email", "Email"), type: "text", value: (r) => r.email, width: 28 },
      { header: h("Phone", "Teléfono"), type: "text", value: (r) => r.phone, width: 16 },
      { header: h("City", "Ciudad"), type: "text", value: (r) => r.city, width: 18 },
      { header: h("Country", "País"), type: "text", value: (r) => r.country, width: 8 },
      { header: h("Currency", "Moneda"), type: "text", value: (r) => r.currency, width: 9 },
      { header: h("Archived on", "Archivado el"), type: "date", value: (r) => r.archived_on },
    ],
  };
}

export type SalesOrderExportRow = {
  number: string | null;
  status: string;
  customer_name: string;
  reference: string | null;
  issue_date: string;
  delivery_date: string | null;
  currency: string;
  total_minor: string | number;
};

export function salesOrderExport(orgId: string, q: SalesOrderExportQuery): ExportSource<SalesOrderExportRow> {
  return {
    list: "sales-orders",
    from: sql`from sales_orders join ${customers} on customers.id = sales_orders.customer_id
      where ${salesOrderListWhere(orgId, q)}`,
    select: sql`select sales_orders.number, sales_orders.status, customers.name as customer_name,
      sales_orders.reference, sales_orders.issue_date::text as issue_date,
      sales_orders.delivery_date::text as delivery_date, sales_orders.currency, sales_orders.total_minor`,
    orderBy: ordered(salesOrderOrders[q.sort], q.dir),
    columns: [
      { header: h("Number", "Número"), type: "text", value: (r) => r.number, width: 16 },
      { header: h("Status", "Estado"), type: "text", value: (r) => r.status, width: 12 },
      { header: h("Customer", "Cliente"), type: "text", value: (r) => r.customer_name, width: 32 },
      { header: h("Customer reference", "Referencia del cliente"), type: "text", value: (r) => r.reference },
      { header: h("Date", "Fecha"), type: "date", value: (r) => r.issue_date },
      { header: h("Delivery date", "Fecha de entrega"), type: "date", value: (r) => r.delivery_date },
      { header: h("Currency", "Moneda"), type: "text", value: (r) => r.currency, width: 9 },
      {
        header: h("Total", "Total"),
        type: "money",
        value: (r) => minor(r.total_minor),
        currency: (r) => r.currency,
      },
    ],
  };
}

export type PaymentExportRow = {
  number: string;
  paid_on: string;
  customer_name: string;
  method: string;
  reference: string | null;
  currency: string;
  amount_minor: string | number;
};

export function paymentExport(orgId: string, q: PaymentExportQuery): ExportSource<PaymentExportRow> {
  return {
    list: "payments",
    from: sql`from payments join ${customers} on customers.id = payments.customer_id
      where ${paymentListWhere(orgId, q)}`,
    select: sql`select payments.number, payments.paid_on::text as paid_on, customers.name as customer_name,
      payments.method, payments.reference, payments.currency, payments.amount_minor`,
    orderBy: ordered(paymentOrders[q.sort], q.dir),
    columns: [
      { header: h("Receipt", "Recibo"), type: "text", value: (r) => r.number, width: 16 },
      { header: h("Date", "Fecha"), type: "date", value: (r) => r.paid_on },
      { header: h("Customer", "Cliente"), type: "text", value: (r) => r.customer_name, width: 32 },
      { header: h("Method", "Método"), type: "text", value: (r) => r.method, width: 14 },
      { header: h("Reference", "Referencia"), type: "text", value: (r) => r.reference },
      { header: h("Currency", "Moneda"), type: "text", value: (r) => r.currency, width: 9 },
      {
        header: h("Amount", "Importe"),
        type: "money",
        value: (r) => minor(r.amount_minor),
        currency: (r) => r.currency,
      },
    ],
  };
}

export type QuoteExportRow = {
  number: string | null;
  status: string;
  customer_name: string;
  issue_date: string;
  expiry_date: string | null;
  currency: string;
  total_minor: string | number;
};

/**
 * As the quote list (its filters: a status filter on what people see, a sent or viewed quote past its
 * expiry date being "expired"; without one every revision but the superseded ones), the status as shown.
 */
export function quoteExport(orgId: string, q: QuoteExportQuery, today: string): ExportSource<QuoteExportRow> {
  const expired = sql`(quotes.expiry_date is not null and quotes.expiry_date < ${today}::date)`;
  return {
    list: "quotes",
    from: sql`from quotes join ${customers} on customers.id = quotes.customer_id
      where ${quoteListWhere(orgId, q, today)}`,
    select: sql`select case when quotes.revision > 1 then quotes.number || '-R' || quotes.revision else quotes.number end as number,
      case when quotes.status in ('sent', 'viewed') and ${expired} then 'expired' else quotes.status end as status,
      customers.name as customer_name, quotes.issue_date::text as issue_date,
      quotes.expiry_date::text as expiry_date, quotes.currency, quotes.total_minor`,
    orderBy: ordered(quoteOrders[q.sort], q.dir),
    columns: [
      { header: h("Number", "Número"), type: "text", value: (r) => r.number, width: 16 },
      { header: h("Status", "Estado"), type: "text", value: (r) => r.status, width: 12 },
      { header: h("Customer", "Cliente"), type: "text", value: (r) => r.customer_name, width: 32 },
      { header: h("Date", "Fecha"), type: "date", value: (r) => r.issue_date },
      { header: h("Valid until", "Válido hasta"), type: "date", value: (r) => r.expiry_date },
      { header: h("Currency", "Moneda"), type: "text", value: (r) => r.currency, width: 9 },
      {
        header: h("Total", "Total"),
        type: "money",
        value: (r) => minor(r.total_minor),
        currency: (r) => r.currency,
      },
    ],
  };
}
