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
import { likeTerm } from "../../db/like.js";
import { aliasedFactColumns, dueSql, openSql, overdueSql } from "../documents/document-facts.js";
import type { ExportColumn } from "./export-writer.js";

/*
 * The lists that export (issue 19, decision 059): each one's filters and orders as its list route takes
 * them (the contract's schemas), the SQL of every matching row in that order (the row's id breaking ties,
 * as the keyset pages do) and the columns of the file. Everything is read in the organisation's scope:
 * row-level security applies to the cursor as to any query.
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

const ordered = (key: SQL, dir: ListDir, id: SQL) =>
  dir === "asc" ? sql`${key} asc nulls last, ${id} asc` : sql`${key} desc nulls last, ${id} desc`;

const where = (conditions: (SQL | false | "" | null | undefined)[]) => {
  const given = conditions.filter((c): c is SQL => Boolean(c));
  return given.length ? sql`where ${sql.join(given, sql` and `)}` : sql``;
};

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

export function invoiceExport(q: InvoiceExportQuery, today: string): ExportSource<InvoiceExportRow> {
  const c = aliasedFactColumns("i");
  const term = likeTerm(q.q);
  const keys: Record<InvoiceExportQuery["sort"], SQL> = {
    date: sql`i.issue_date`,
    number: sql`i.number`,
    customer: sql`cu.name`,
    amount: sql`i.total_minor`,
    due: sql`coalesce(i.due_date, i.issue_date)`,
    status: sql`i.status`,
  };
  return {
    list: "invoices",
    from: sql`from invoices i join customers cu on cu.id = i.customer_id ${where([
      q.status && sql`i.status = ${q.status}`,
      q.kind && sql`i.kind = ${q.kind}`,
      q.customerId && sql`i.customer_id = ${q.customerId}`,
      term && sql`(i.number ilike ${term} or cu.name ilike ${term})`,
      q.from && sql`i.issue_date >= ${q.from}::date`,
      q.to && sql`i.issue_date <= ${q.to}::date`,
      q.currency && sql`i.currency = ${q.currency}`,
      q.overdue === true && overdueSql(today, c),
      q.open === true && sql`${openSql(c)} and i.kind <> 'credit_note'`,
    ])}`,
    select: sql`select i.number, i.kind, i.status, cu.name as customer_name, i.issue_date::text as issue_date,
      i.due_date::text as due_date, i.currency, i.total_minor, i.paid_minor, ${dueSql(c)} as due_minor`,
    orderBy: ordered(keys[q.sort], q.dir, sql`i.id`),
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

export function customerExport(q: CustomerExportQuery): ExportSource<CustomerExportRow> {
  const term = likeTerm(q.q);
  const keys: Record<CustomerExportQuery["sort"], SQL> = { name: sql`cu.name`, created: sql`cu.created_at` };
  return {
    list: "customers",
    from: sql`from customers cu ${where([
      q.archived === "false" && sql`cu.deleted_at is null`,
      q.archived === "true" && sql`cu.deleted_at is not null`,
      term && sql`(cu.name ilike ${term} or cu.tax_id ilike ${term} or cu.email ilike ${term})`,
      q.currency && sql`cu.currency = ${q.currency}`,
    ])}`,
    select: sql`select cu.name, cu.legal_name, cu.tax_id, cu.email, cu.phone, cu.city, cu.country, cu.currency,
      (cu.deleted_at at time zone 'UTC')::date::text as archived_on`,
    orderBy: ordered(keys[q.sort], q.dir, sql`cu.id`),
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

export function salesOrderExport(q: SalesOrderExportQuery): ExportSource<SalesOrderExportRow> {
  const term = likeTerm(q.q);
  const keys: Record<SalesOrderExportQuery["sort"], SQL> = {
    date: sql`o.issue_date`,
    number: sql`o.number`,
    customer: sql`cu.name`,
    amount: sql`o.total_minor`,
    status: sql`o.status`,
  };
  return {
    list: "sales-orders",
    from: sql`from sales_orders o join customers cu on cu.id = o.customer_id ${where([
      q.status && sql`o.status = ${q.status}`,
      q.customerId && sql`o.customer_id = ${q.customerId}`,
      term && sql`(o.number ilike ${term} or o.reference ilike ${term} or cu.name ilike ${term})`,
      q.from && sql`o.issue_date >= ${q.from}::date`,
      q.to && sql`o.issue_date <= ${q.to}::date`,
      q.currency && sql`o.currency = ${q.currency}`,
    ])}`,
    select: sql`select o.number, o.status, cu.name as customer_name, o.reference, o.issue_date::text as issue_date,
      o.delivery_date::text as delivery_date, o.currency, o.total_minor`,
    orderBy: ordered(keys[q.sort], q.dir, sql`o.id`),
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

export function paymentExport(q: PaymentExportQuery): ExportSource<PaymentExportRow> {
  const term = likeTerm(q.q);
  const keys: Record<PaymentExportQuery["sort"], SQL> = { date: sql`p.paid_on`, amount: sql`p.amount_minor` };
  return {
    list: "payments",
    from: sql`from payments p join customers cu on cu.id = p.customer_id ${where([
      q.customerId && sql`p.customer_id = ${q.customerId}`,
      term && sql`(p.number ilike ${term} or p.reference ilike ${term} or cu.name ilike ${term})`,
      q.filter === "invoice" &&
        sql`exists (select 1 from allocations a join invoices i on i.id = a.invoice_id
          where a.payment_id = p.id and i.kind = 'invoice')`,
      q.from && sql`p.paid_on >= ${q.from}::date`,
      q.to && sql`p.paid_on <= ${q.to}::date`,
      q.currency && sql`p.currency = ${q.currency}`,
    ])}`,
    select: sql`select p.number, p.paid_on::text as paid_on, cu.name as customer_name, p.method, p.reference,
      p.currency, p.amount_minor`,
    orderBy: ordered(keys[q.sort], q.dir, sql`p.id`),
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
 * As the quote list: a status filter on what people see (a sent or viewed quote past its expiry date is
 * "expired"), and without one every revision but the superseded ones.
 */
export function quoteExport(q: QuoteExportQuery, today: string): ExportSource<QuoteExportRow> {
  const term = likeTerm(q.q);
  const expired = sql`(qt.expiry_date is not null and qt.expiry_date < ${today}::date)`;
  const status =
    q.status === "expired"
      ? sql`qt.status in ('sent', 'viewed') and ${expired}`
      : q.status === "sent" || q.status === "viewed"
        ? sql`qt.status = ${q.status} and not ${expired}`
        : q.status
          ? sql`qt.status = ${q.status}`
          : sql`qt.status <> 'superseded'`;
  const keys: Record<QuoteExportQuery["sort"], SQL> = {
    date: sql`qt.issue_date`,
    number: sql`qt.number`,
    customer: sql`cu.name`,
    amount: sql`qt.total_minor`,
    status: sql`qt.status`,
  };
  return {
    list: "quotes",
    from: sql`from quotes qt join customers cu on cu.id = qt.customer_id ${where([
      status,
      q.customerId && sql`qt.customer_id = ${q.customerId}`,
      term && sql`(qt.number ilike ${term} or cu.name ilike ${term})`,
      q.from && sql`qt.issue_date >= ${q.from}::date`,
      q.to && sql`qt.issue_date <= ${q.to}::date`,
      q.currency && sql`qt.currency = ${q.currency}`,
    ])}`,
    select: sql`select case when qt.revision > 1 then qt.number || '-R' || qt.revision else qt.number end as number,
      case when qt.status in ('sent', 'viewed') and ${expired} then 'expired' else qt.status end as status,
      cu.name as customer_name, qt.issue_date::text as issue_date, qt.expiry_date::text as expiry_date,
      qt.currency, qt.total_minor`,
    orderBy: ordered(keys[q.sort], q.dir, sql`qt.id`),
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
