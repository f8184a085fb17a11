import type { SalesOrderDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { pdfLinesAndTotals, pdfParties } from "../documents/pdf-parts.js";
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
  const { customerSnapshot } = await findOrder(tx, order.id);
  const customer = { id: order.customerId, snapshot: customerSnapshot, name: order.customerName };
  const reference = order.reference
    ? `${locale === "es" ? "Su referencia" : "Your reference"}: ${order.reference}`
    : null;
  const data: InvoicePdfData = {
    // An order asks for no payment yet (no bank account): its invoices do.
    ...(await pdfParties(tx, orgId, locale, customer, false)),
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
