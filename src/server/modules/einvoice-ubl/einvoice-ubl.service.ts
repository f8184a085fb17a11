import type { Invoice } from "@e-invoice-eu/core";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { salesOrders } from "../../db/schema/index.js";
import { withContact, withOrg } from "../../db/scope.js";
import { AppError } from "../../errors/errors.js";
import { type AuditOrigin, recordPortalEvent } from "../audit/audit.service.js";
import type { ContactPrincipal } from "../contact-sessions/contact-sessions.service.js";
import { loadContacts, loadCustomerRecord } from "../customers/customers.service.js";
import { findDetail, findInvoice, orgToday } from "../invoices/invoices.service.js";
import { loadOrganisation } from "../organisation/organisation.service.js";
import { ublInvoiceOf } from "./ubl-invoice.js";
import { renderUblData } from "./ubl-render.js";
import type { UblParty, UblSource } from "./ubl-source.js";

export interface UblFile {
  xml: string;
  filename: string;
}

type InvoiceRow = Awaited<ReturnType<typeof findInvoice>>;

/** A snapshot is stored JSON: only non-empty strings count. */
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

function partyOf(r: Record<string, unknown>, fallbackCountry: string): UblParty {
  return {
    name: str(r.name) ?? "",
    legalName: str(r.legalName),
    taxId: str(r.taxId),
    email: str(r.email),
    phone: str(r.phone),
    addressLine1: str(r.addressLine1),
    addressLine2: str(r.addressLine2),
    city: str(r.city),
    postalCode: str(r.postalCode),
    region: str(r.region),
    country: str(r.country)?.toUpperCase() ?? fallbackCountry,
  };
}

/**
 * An issued invoice, retainer or credit note as the data of its UBL e-invoice, read in the caller's scope:
 * the customer as the document froze it (its snapshot), the organisation as it is now (like the PDF), the
 * customer's first contact's email when the customer has none, its order's reference, what was paid.
 */
async function ublSourceInTx(tx: Tx, orgId: string, inv: InvoiceRow): Promise<UblSource> {
  if (inv.status === "void") throw new AppError("INVOICE_VOID");
  const detail = await findDetail(tx, inv, await orgToday(tx, orgId));
  const org = await loadOrganisation(tx, orgId);
  const snapshot =
    inv.customerSnapshot ??
    ((await loadCustomerRecord(tx, inv.customerId)) as unknown as Record<string, unknown>);
  const buyer = partyOf({ name: detail.customerName, ...snapshot }, org.country);
  if (!buyer.email) {
    const contact = (await loadContacts(tx, inv.customerId)).find((c) => str(c.email));
    buyer.email = str(contact?.email);
  }
  const corrected = inv.correctsInvoiceId ? await findInvoice(tx, inv.correctsInvoiceId) : null;
  const [order] = inv.salesOrderId
    ? await tx
        .select({ reference: salesOrders.reference })
        .from(salesOrders)
        .where(eq(salesOrders.id, inv.salesOrderId))
    : [];
  const language = str(snapshot.language) === "en" ? "en" : str(snapshot.language) === "es" ? "es" : null;
  return {
    kind: inv.kind,
    number: inv.number ?? "",
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    language: language ?? (org.country === "ES" ? "es" : "en"),
    notes: inv.notes,
    terms: inv.terms,
    customerReference: str(order?.reference),
    corrects: corrected?.number ? { number: corrected.number, issueDate: corrected.issueDate } : null,
    seller: {
      ...partyOf(org as unknown as Record<string, unknown>, org.country),
      iban: org.iban,
      bic: org.bic,
    },
    buyer,
    lines: detail.lines,
    // What was paid or credited onto it, within its total (a credit note is not paid).
    paidMinor:
      inv.kind === "credit_note"
        ? 0
        : Math.min(Math.max(detail.paidMinor, 0), Math.max(detail.totalMinor, 0)),
  };
}

export const ublFilename = (number: string) => `${number.replace(/[^A-Za-z0-9._-]+/g, "_")}.xml`;

interface UblData {
  data: Invoice;
  filename: string;
}

/** Read and mapped in the transaction (a refusal ends it before anything is recorded), written after it. */
async function ublDataInTx(tx: Tx, orgId: string, inv: InvoiceRow): Promise<UblData> {
  const source = await ublSourceInTx(tx, orgId, inv);
  return { data: ublInvoiceOf(source), filename: ublFilename(source.number) };
}

/**
 * The XML is written once the transaction has ended: the library's first load takes over a second, and
 * PGlite's one connection must not wait for it (the routes keep to their own transactions).
 */
const written = async ({ data, filename }: UblData): Promise<UblFile> => ({
  xml: await renderUblData(data),
  filename,
});

/** The staff download: any issued document of the organisation; a draft has no number yet. */
export function staffInvoiceUbl(db: Db, orgId: string, invoiceId: string): Promise<UblFile> {
  return withOrg(db, orgId, async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    if (inv.status === "draft") throw new AppError("INVOICE_NOT_ISSUED");
    return ublDataInTx(tx, orgId, inv);
  }).then(written);
}

/**
 * The portal download, with the portal PDF's scope: the contact's customer's issued documents only (another
 * customer's or organisation's id, or a draft, is NOT_FOUND); recorded as a download like the PDF.
 */
export function portalInvoiceUbl(
  db: Db,
  p: ContactPrincipal,
  invoiceId: string,
  origin: AuditOrigin,
): Promise<UblFile> {
  return withContact(db, p.orgId, p.customerId, async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    if (inv.status === "draft") throw new AppError("NOT_FOUND");
    const file = await ublDataInTx(tx, p.orgId, inv);
    if (!p.preview)
      await recordPortalEvent(
        tx,
        {
          orgId: p.orgId,
          customerId: p.customerId,
          contactId: p.contactId,
          action: "document_downloaded",
          documentType: "invoice",
          documentId: inv.id,
        },
        origin,
      );
    return file;
  }).then(written);
}
