import { eq } from "drizzle-orm";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { loadCustomer } from "../customers/customers.service.js";
import { type Address, pdfCustomerParty, pdfLinesAndTotals, pdfOrgParty } from "../documents/pdf-parts.js";
import { loadOrganisation, type OrganisationRow } from "../organisation/organisation.service.js";

const statusLabels: Record<string, { es: string; en: string }> = {
  paid: { es: "Pagada", en: "Paid" },
  partially_paid: { es: "Pagada parcialmente", en: "Partially paid" },
  void: { es: "Anulada", en: "Void" },
  draft: { es: "Borrador", en: "Draft" },
};

/** The PDF of an invoice as the customer sees it: issued data comes from the frozen customer snapshot. */
export async function buildInvoicePdf(
  tx: Tx,
  orgId: string,
  invoice: InvoiceDetail,
  locale: "es" | "en",
): Promise<Buffer> {
  const org: OrganisationRow = await loadOrganisation(tx, orgId);
  const snapshot = (await findSnapshot(tx, invoice)) as Address & Record<string, unknown>;
  const data: InvoicePdfData = {
    locale,
    timeZone: org.timeZone,
    org: pdfOrgParty(org, { withBankAccount: true }),
    customer: pdfCustomerParty(snapshot, invoice.customerName),
    document: {
      number: invoice.number ?? (locale === "es" ? "Borrador" : "Draft"),
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      statusLabel: statusLabels[invoice.status]?.[locale] ?? null,
      notes: invoice.notes,
      terms: invoice.terms,
    },
    ...pdfLinesAndTotals(invoice, { paidMinor: invoice.paidMinor, dueMinor: invoice.dueMinor }),
  };
  return renderInvoicePdf(data);
}

async function findSnapshot(tx: Tx, invoice: InvoiceDetail): Promise<Record<string, unknown>> {
  const [row] = await tx
    .select({ s: invoices.customerSnapshot })
    .from(invoices)
    .where(eq(invoices.id, invoice.id));
  return row?.s ?? ((await loadCustomer(tx, invoice.customerId)) as unknown as Record<string, unknown>);
}

export const invoicePdfFilename = (invoice: Pick<InvoiceDetail, "number" | "id">) =>
  `${(invoice.number ?? `draft-${invoice.id.slice(0, 8)}`).replace(/[^A-Za-z0-9._-]+/g, "_")}.pdf`;
