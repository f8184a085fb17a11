import { eq } from "drizzle-orm";
import type { InvoiceDetail } from "../../../shared/contracts/index.js";
import type { Tx } from "../../db/client.js";
import { invoices } from "../../db/schema/index.js";
import { renderInvoicePdf } from "../../pdf/render-invoice-pdf.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { loadCustomer } from "../customers/customers.service.js";
import { loadOrganisation, type OrganisationRow } from "../organisation/organisation.service.js";

export type Address = {
  addressLine1?: unknown;
  addressLine2?: unknown;
  postalCode?: unknown;
  city?: unknown;
  region?: unknown;
  country?: unknown;
};

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

export function addressLines(a: Address): string[] {
  const cityLine = [text(a.postalCode), text(a.city)].filter(Boolean).join(" ");
  return [
    text(a.addressLine1),
    text(a.addressLine2),
    cityLine || null,
    text(a.region),
    text(a.country),
  ].filter((v): v is string => v !== null);
}

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
  const snapshot = (await findSnapshot(tx, invoice)) as Address & {
    name?: unknown;
    taxId?: unknown;
    legalName?: unknown;
    email?: unknown;
  };
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
      iban: org.iban,
      bic: org.bic,
      brandColor: org.brandColor,
      logo:
        org.logo && org.logoMime
          ? { data: org.logo, mime: org.logoMime as "image/png" | "image/jpeg" }
          : null,
    },
    customer: {
      name: text(snapshot.name) ?? invoice.customerName,
      legalName: text(snapshot.legalName),
      taxId: text(snapshot.taxId),
      addressLines: addressLines(snapshot),
      email: text(snapshot.email),
    },
    document: {
      number: invoice.number ?? (locale === "es" ? "Borrador" : "Draft"),
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      statusLabel: statusLabels[invoice.status]?.[locale] ?? null,
      notes: invoice.notes,
      terms: invoice.terms,
    },
    lines: invoice.lines.map((l) => ({
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      netMinor: l.netMinor,
      taxLabels: l.taxes.map((t) => t.name),
    })),
    totals: {
      subtotalMinor: invoice.subtotalMinor,
      discountMinor: invoice.discountMinor,
      netMinor: invoice.netMinor,
      taxes: invoice.taxBreakdown.map((t) => ({
        label: t.name,
        baseMinor: t.baseMinor,
        amountMinor: t.amountMinor,
      })),
      totalMinor: invoice.totalMinor,
      paidMinor: invoice.paidMinor,
      dueMinor: invoice.dueMinor,
    },
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
