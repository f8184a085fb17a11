import type { Tx } from "../../db/client.js";
import type { InvoicePdfData } from "../../pdf/types.js";
import { loadCustomerRecord } from "../customers/customers.service.js";
import { loadOrganisation, type OrganisationRow } from "../organisation/organisation.service.js";
import { type DueFacts, dueOf } from "./document-facts.js";

/** Any record with the address columns of organisations, customers and customer snapshots. */
export type Address = {
  addressLine1?: unknown;
  addressLine2?: unknown;
  postalCode?: unknown;
  city?: unknown;
  region?: unknown;
  country?: unknown;
};

/** A snapshot is stored JSON: only non-empty strings count. */
export const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

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

/**
 * The sender block of every sales document's PDF. Only a document that asks for payment (an invoice)
 * prints the bank account; quotes and orders do not.
 */
export function pdfOrgParty(org: OrganisationRow, opts: { withBankAccount: boolean }): InvoicePdfData["org"] {
  return {
    name: org.name,
    legalName: org.legalName,
    taxId: org.taxId,
    addressLines: addressLines(org),
    email: org.email,
    phone: org.phone,
    website: org.website,
    iban: opts.withBankAccount ? org.iban : null,
    bic: opts.withBankAccount ? org.bic : null,
    brandColor: org.brandColor,
    logo:
      org.logo && org.logoMime ? { data: org.logo, mime: org.logoMime as "image/png" | "image/jpeg" } : null,
  };
}

/** The customer block from the frozen snapshot (issued documents) or the live customer (drafts). */
export function pdfCustomerParty(
  snapshot: Address & Record<string, unknown>,
  fallbackName: string,
): InvoicePdfData["customer"] {
  return {
    name: text(snapshot.name) ?? fallbackName,
    legalName: text(snapshot.legalName),
    taxId: text(snapshot.taxId),
    addressLines: addressLines(snapshot),
    email: text(snapshot.email),
  };
}

/** A priced line as the PDF prints it, with its taxes by name rather than as labels. */
type PricedLine = Omit<InvoicePdfData["lines"][number], "taxLabels"> & { taxes: { name: string }[] };

interface PricedDocument {
  lines: PricedLine[];
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  totalMinor: number;
  taxBreakdown: { name: string; baseMinor: number; amountMinor: number }[];
}

/**
 * Lines and totals as every sales document prints them. `billed` (an invoice, retainer or credit note)
 * gives the paid and due amounts by `dueOf`; a quote or an order is not billed, so nothing is paid on it
 * (and the PDF prints no due line when nothing is paid).
 */
export function pdfLinesAndTotals(
  doc: PricedDocument,
  billed?: DueFacts,
): Pick<InvoicePdfData, "lines" | "totals"> {
  // A credit note is not paid: it shows no paid or due amounts.
  const paid = billed
    ? { paidMinor: billed.kind === "credit_note" ? 0 : billed.paidMinor, dueMinor: dueOf(billed) }
    : { paidMinor: 0, dueMinor: doc.totalMinor };
  return {
    lines: doc.lines.map((l) => ({
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      netMinor: l.netMinor,
      taxLabels: l.taxes.map((t) => t.name),
    })),
    totals: {
      subtotalMinor: doc.subtotalMinor,
      discountMinor: doc.discountMinor,
      netMinor: doc.netMinor,
      taxes: doc.taxBreakdown.map((t) => ({
        label: t.name,
        baseMinor: t.baseMinor,
        amountMinor: t.amountMinor,
      })),
      totalMinor: doc.totalMinor,
      ...paid,
    },
  };
}

/**
 * The top of every document and receipt PDF: its language, the organisation's time zone and block, and
 * the customer's block: the document's frozen snapshot once it has one, else the customer as it is now
 * (named as the document names it, or by its record). Only an invoice prints the bank account.
 */
export async function pdfParties(
  tx: Tx,
  orgId: string,
  locale: "es" | "en",
  customer: { id: string; snapshot: Record<string, unknown> | null; name?: string },
  withBankAccount: boolean,
): Promise<Pick<InvoicePdfData, "locale" | "timeZone" | "org" | "customer">> {
  const org = await loadOrganisation(tx, orgId);
  const record = (customer.snapshot ??
    ((await loadCustomerRecord(tx, customer.id)) as unknown as Record<string, unknown>)) as Address &
    Record<string, unknown>;
  return {
    locale,
    timeZone: org.timeZone,
    org: pdfOrgParty(org, { withBankAccount }),
    customer: pdfCustomerParty(record, customer.name ?? String(record.name)),
  };
}
