import type { SalesOrderDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { type Address, pdfCustomerParty, pdfLinesAndTotals, pdfOrgParty } from "../documents/pdf-parts.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { findOrder } from "./sales-orders.queries.js";

const TITLE = { es: "Pedido de venta", en: "Sales order" };

const statusLabels: Record<string, { es: string; en: string }> = {
  draft: { es: "Borrador", en: "Draft" },
  partially_invoiced: { es: "Facturado en parte", en: "Partially invoiced" },
  invoiced: { es: "Facturado", en: "Invoiced" },
  void: { es: "Anulado", en: "Void" },
};

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
    ((await loadCustomerRecord(tx, order.customerId)) as unknown as Record<string, unknown>)) as Address &
    Record<string, unknown>;
  const reference = order.reference
    ? `${locale === "es" ? "Su referencia" : "Your reference"}: ${order.reference}`
    : null;
  const data: InvoicePdfData = {
    locale,
    timeZone: org.timeZone,
    // An order asks for no payment yet: its invoices do.
    org: pdfOrgParty(org, { withBankAccount: false }),
    customer: pdfCustomerParty(snapshot, order.customerName),
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
    ...pdfLinesAndTotals(order),
    acceptance: null,
  };
  return renderInvoicePdf(data);
}

export const salesOrderPdfFilename = (o: Pick<SalesOrderDetail, "number" | "id">) =>
  `${(o.number ?? `draft-order-${o.id.slice(0, 8)}`).replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;
