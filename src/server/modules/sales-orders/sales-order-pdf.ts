import type { SalesOrderDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { loadCustomer } from "../customers/customers.service.js";
import { type Address, addressLines } from "../invoices/invoice-pdf.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { findOrder } from "./sales-orders.queries.js";

const TITLE = { es: "Pedido de venta", en: "Sales order" };

const statusLabels: Record<string, { es: string; en: string }> = {
  draft: { es: "Borrador", en: "Draft" },
  partially_invoiced: { es: "Facturado en parte", en: "Partially invoiced" },
  invoiced: { es: "Facturado", en: "Invoiced" },
  void: { es: "Anulado", en: "Void" },
};

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** The PDF of a sales order, drawn by the document renderer with the "Sales order" title. */
export async function buildSalesOrderPdf(
  tx: Tx,
  orgId: string,
  order: SalesOrderDetail,
  locale: "es" | "en",
): Promise<Buffer> {
  const org = await loadOrganisation(tx, orgId);
  const row = await findOrder(tx, order.id);
  const snapshot = (row.customerSnapshot ??
    ((await loadCustomer(tx, order.customerId)) as unknown as Record<string, unknown>)) as Address &
    Record<string, unknown>;
  const reference = order.reference
    ? `${locale === "es" ? "Su referencia" : "Your reference"}: ${order.reference}`
    : null;
  const data: InvoicePdfData = {
    locale,
    timeZone: org.timeZone,
    org: {
      name: org.name,
      legalName: org.legalName,
      taxId: org.taxId,
      addressLines: addressLines(org),
      email: org.email,
      phone: org.phone,
      website: org.website,
      // An order asks for no payment yet: its invoices do.
      iban: null,
      bic: null,
      brandColor: org.brandColor,
      logo:
        org.logo && org.logoMime
          ? { data: org.logo, mime: org.logoMime as "image/png" | "image/jpeg" }
          : null,
    },
    customer: {
      name: text(snapshot.name) ?? order.customerName,
      legalName: text(snapshot.legalName),
      taxId: text(snapshot.taxId),
      addressLines: addressLines(snapshot),
      email: text(snapshot.email),
    },
    document: {
      // The quote layout: "Prepared for" rather than "Bill to", no due date.
      kind: "quote",
      title: TITLE[locale],
      number: order.number ?? (locale === "es" ? "Borrador" : "Draft"),
      issueDate: order.issueDate,
      dueDate: null,
      currency: order.currency,
      statusLabel: statusLabels[order.status]?.[locale] ?? null,
      notes: [reference, order.notes].filter(Boolean).join("\n\n") || null,
      terms: order.terms,
    },
    lines: order.lines.map((l) => ({
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      netMinor: l.netMinor,
      taxLabels: l.taxes.map((t) => t.name),
    })),
    totals: {
      subtotalMinor: order.subtotalMinor,
      discountMinor: order.discountMinor,
      netMinor: order.netMinor,
      taxes: order.taxBreakdown.map((t) => ({
        label: t.name,
        baseMinor: t.baseMinor,
        amountMinor: t.amountMinor,
      })),
      totalMinor: order.totalMinor,
      paidMinor: 0,
      dueMinor: order.totalMinor,
    },
    acceptance: null,
  };
  return renderInvoicePdf(data);
}

export const salesOrderPdfFilename = (o: Pick<SalesOrderDetail, "number" | "id">) =>
  `${(o.number ?? `draft-order-${o.id.slice(0, 8)}`).replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;
